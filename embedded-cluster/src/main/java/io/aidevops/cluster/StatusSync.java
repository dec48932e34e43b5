package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the status of ReplicaSets and Deployments from the pods as they are at the end of the pass, so a pass
 * leaves status consistent with the world it produced. Writes only what changed.
 */
final class StatusSync implements ReconcileStage {

    @Override
    public void run(ReconcilePass pass) {
        ClusterSnapshot snapshot = pass.snapshot();
        pass.forEachIsolated(snapshot.replicaSets(), replicaSet -> syncReplicaSet(replicaSet, snapshot, pass));
        pass.forEachIsolated(snapshot.deployments(), deployment -> syncDeployment(deployment, snapshot, pass));
    }

    private static void syncReplicaSet(ReplicaSet replicaSet, ClusterSnapshot snapshot, ReconcilePass pass) {
        List<Pod> pods = snapshot.podsOf(replicaSet);
        int minReadySeconds = valueOf(replicaSet.getSpec().getMinReadySeconds());
        ReplicaSetStatus status = new ReplicaSetStatusBuilder(
                replicaSet.getStatus() == null ? new ReplicaSetStatus() : replicaSet.getStatus())
                .withReplicas(pods.size())
                .withFullyLabeledReplicas((int) pods.stream().filter(pod -> matchesSelector(replicaSet, pod)).count())
                .withReadyReplicas((int) pods.stream().filter(PodConditions::isReady).count())
                .withAvailableReplicas(available(pods, minReadySeconds, pass.now()))
                .withObservedGeneration(replicaSet.getMetadata().getGeneration())
                .build();
        if (ReconcilePass.differ(replicaSet.getStatus(), status)) {
            ReplicaSet reported = new ReplicaSetBuilder(replicaSet).withStatus(status).build();
            pass.write(() -> pass.client().apps().replicaSets().inNamespace(replicaSet.getMetadata().getNamespace())
                    .resource(reported).updateStatus());
        }
    }

    private static void syncDeployment(Deployment deployment, ClusterSnapshot snapshot, ReconcilePass pass) {
        Optional<String> problem = DeploymentSpecCheck.problem(deployment);
        int minReadySeconds = problem.isPresent() ? 0 : valueOf(deployment.getSpec().getMinReadySeconds());
        String hash = problem.isPresent() ? null : PodTemplateHash.of(deployment.getSpec().getTemplate());
        int replicas = 0;
        int updated = 0;
        int ready = 0;
        int available = 0;
        String currentReplicaSet = null;
        for (ReplicaSet replicaSet : snapshot.replicaSetsOf(deployment)) {
            List<Pod> pods = snapshot.podsOf(replicaSet);
            replicas += pods.size();
            ready += (int) pods.stream().filter(PodConditions::isReady).count();
            available += available(pods, minReadySeconds, pass.now());
            Map<String, String> labels = replicaSet.getMetadata().getLabels();
            if (hash != null && labels != null && hash.equals(labels.get(PodTemplateHash.LABEL))) {
                updated = pods.size();
                currentReplicaSet = replicaSet.getMetadata().getName();
            }
        }
        RolloutCounts counts = new RolloutCounts(replicas, updated, ready, available);
        int desired = problem.isPresent() ? 0 : RolloutBudget.desiredReplicas(deployment);
        DeploymentStatus status = new DeploymentStatusBuilder(
                deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus())
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(updated)
                .withReadyReplicas(ready)
                .withAvailableReplicas(available)
                .withUnavailableReplicas(Math.max(0, desired - available))
                .withConditions(DeploymentConditions.next(deployment, counts, currentReplicaSet, problem, pass.now()))
                .build();
        if (ReconcilePass.differ(deployment.getStatus(), status)) {
            Deployment reported = new DeploymentBuilder(deployment).withStatus(status).build();
            pass.write(() -> pass.client().apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                    .resource(reported).updateStatus());
        }
    }

    private static int available(List<Pod> pods, int minReadySeconds, Instant now) {
        return (int) pods.stream().filter(pod -> PodConditions.isAvailable(pod, minReadySeconds, now)).count();
    }

    private static boolean matchesSelector(ReplicaSet replicaSet, Pod pod) {
        return replicaSet.getSpec().getSelector() == null
                || LabelSelectorMatch.matches(replicaSet.getSpec().getSelector(), pod.getMetadata().getLabels());
    }

    private static int valueOf(Integer value) {
        return value == null ? 0 : value;
    }
}
