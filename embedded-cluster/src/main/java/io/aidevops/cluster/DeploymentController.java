package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The spec side of the Deployment controller: one ReplicaSet per pod template, named
 * {@code <deployment>-<pod-template-hash>} and numbered by the {@code deployment.kubernetes.io/revision} annotation,
 * scaled by the Deployment's strategy. Status is written later in the pass, by {@link StatusSync}, once the pods have
 * moved too.
 */
final class DeploymentController implements ReconcileStage {

    static final String COMPONENT = "deployment-controller";
    private static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

    @Override
    public void run(ReconcilePass pass) {
        ClusterSnapshot snapshot = pass.snapshot();
        pass.forEachIsolated(snapshot.deployments(), deployment -> reconcile(deployment, snapshot, pass));
    }

    private void reconcile(Deployment deployment, ClusterSnapshot snapshot, ReconcilePass pass) {
        if (deployment.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        Optional<String> problem = DeploymentSpecCheck.problem(deployment);
        if (problem.isPresent()) {
            // StatusSync puts the problem on the Deployment as a ReplicaFailure condition.
            pass.problem("Deployment " + ObjectKey.of(deployment) + ": " + problem.get());
            return;
        }
        String hash = PodTemplateHash.of(deployment.getSpec().getTemplate());
        List<ReplicaSet> owned = snapshot.replicaSetsOf(deployment);
        ReplicaSet current = owned.stream().filter(replicaSet -> hash.equals(hashOf(replicaSet))).findFirst()
                .orElse(null);
        List<ReplicaSet> old = owned.stream().filter(replicaSet -> replicaSet != current)
                .collect(Collectors.toList());
        long newestOldRevision = old.stream().mapToLong(Revision::of).max().orElse(0);
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        ReplicaSet target = current;
        if (target == null && !paused) {
            target = create(deployment, hash, newestOldRevision + 1, pass);
        } else if (target != null && Revision.of(target) <= newestOldRevision) {
            // Back to an earlier template: its ReplicaSet becomes the newest revision again, as on a rollback.
            target = withRevision(target, newestOldRevision + 1, pass);
        }
        RolloutStrategy.of(deployment).proceed(new RolloutState(deployment, target, old, snapshot, pass));
        if (target != null) {
            syncRevision(deployment, Revision.of(target), pass);
        }
        if (!paused) {
            pruneHistory(deployment, old, snapshot, pass);
        }
    }

    /** Deletes the oldest scaled-down ReplicaSets beyond {@code revisionHistoryLimit}, as Kubernetes does. */
    private static void pruneHistory(Deployment deployment, List<ReplicaSet> old, ClusterSnapshot snapshot,
            ReconcilePass pass) {
        Integer configured = deployment.getSpec().getRevisionHistoryLimit();
        int limit = configured == null ? DEFAULT_REVISION_HISTORY_LIMIT : Math.max(0, configured);
        List<ReplicaSet> idle = old.stream()
                .filter(replicaSet -> RolloutState.size(replicaSet) == 0 && snapshot.podsOf(replicaSet).isEmpty())
                .collect(Collectors.toList());
        for (ReplicaSet replicaSet : idle.subList(0, Math.max(0, idle.size() - limit))) {
            pass.write(() -> pass.client().apps().replicaSets().inNamespace(replicaSet.getMetadata().getNamespace())
                    .withName(replicaSet.getMetadata().getName()).delete());
        }
    }

    private static String hashOf(ReplicaSet replicaSet) {
        Map<String, String> labels = replicaSet.getMetadata().getLabels();
        return labels == null ? null : labels.get(PodTemplateHash.LABEL);
    }

    private static ReplicaSet create(Deployment deployment, String hash, long revision, ReconcilePass pass) {
        Map<String, String> labels = new HashMap<>();
        if (deployment.getSpec().getTemplate().getMetadata() != null
                && deployment.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(deployment.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put(PodTemplateHash.LABEL, hash);
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(deployment.getMetadata().getName() + "-" + hash)
                .withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(labels)
                .addToAnnotations(Revision.ANNOTATION, String.valueOf(revision))
                .withOwnerReferences(ControllerRef.to(deployment))
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withMinReadySeconds(deployment.getSpec().getMinReadySeconds())
                .withSelector(new LabelSelectorBuilder(deployment.getSpec().getSelector())
                        .addToMatchLabels(PodTemplateHash.LABEL, hash).build())
                .withTemplate(new PodTemplateSpecBuilder(deployment.getSpec().getTemplate())
                        .editOrNewMetadata().addToLabels(PodTemplateHash.LABEL, hash).endMetadata().build())
                .endSpec()
                .build();
        return pass.write(() -> pass.client().apps().replicaSets()
                .inNamespace(deployment.getMetadata().getNamespace()).resource(replicaSet).create());
    }

    private static ReplicaSet withRevision(ReplicaSet replicaSet, long revision, ReconcilePass pass) {
        ReplicaSet renumbered = new ReplicaSetBuilder(replicaSet).editMetadata()
                .addToAnnotations(Revision.ANNOTATION, String.valueOf(revision)).endMetadata().build();
        return pass.write(() -> pass.client().apps().replicaSets()
                .inNamespace(replicaSet.getMetadata().getNamespace()).resource(renumbered).update());
    }

    private static void syncRevision(Deployment deployment, long revision, ReconcilePass pass) {
        if (Revision.of(deployment) == revision) {
            return;
        }
        // A metadata-only change: the API server does not bump the generation for it.
        Deployment annotated = new DeploymentBuilder(deployment).editMetadata()
                .addToAnnotations(Revision.ANNOTATION, String.valueOf(revision)).endMetadata().build();
        pass.write(() -> pass.client().apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                .resource(annotated).update());
    }
}
