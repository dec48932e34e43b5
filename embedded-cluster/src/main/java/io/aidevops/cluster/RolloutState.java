package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Deployment's ReplicaSets during one reconcile, with their pod availability as the pass found it, and the one
 * operation a rollout strategy needs: scaling a ReplicaSet (with its event).
 */
final class RolloutState {

    static final String DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";

    private final Deployment deployment;
    private final ReconcilePass pass;
    private final RolloutBudget budget;
    private final Map<String, Integer> available = new HashMap<>();
    private final Map<String, Integer> podCounts = new HashMap<>();
    private ReplicaSet current;
    private final List<ReplicaSet> old;

    /**
     * @param deployment the Deployment
     * @param current the ReplicaSet of the current template, null if there is none yet
     * @param old the other ReplicaSets, oldest first
     */
    RolloutState(Deployment deployment, ReplicaSet current, List<ReplicaSet> old, ClusterSnapshot snapshot,
            ReconcilePass pass) {
        this.deployment = deployment;
        this.current = current;
        this.old = new ArrayList<>(old);
        this.pass = pass;
        this.budget = RolloutBudget.of(deployment);
        int minReadySeconds = deployment.getSpec().getMinReadySeconds() == null
                ? 0 : deployment.getSpec().getMinReadySeconds();
        List<ReplicaSet> all = new ArrayList<>(old);
        if (current != null) {
            all.add(current);
        }
        for (ReplicaSet replicaSet : all) {
            List<Pod> pods = snapshot.podsOf(replicaSet);
            podCounts.put(replicaSet.getMetadata().getUid(), pods.size());
            available.put(replicaSet.getMetadata().getUid(), (int) pods.stream()
                    .filter(pod -> PodConditions.isAvailable(pod, minReadySeconds, pass.now())).count());
        }
    }

    Deployment deployment() {
        return deployment;
    }

    /** The ReplicaSet of the current template; null only while a paused Deployment has not rolled it out. */
    ReplicaSet current() {
        return current;
    }

    /** The ReplicaSets of earlier templates, oldest first. */
    List<ReplicaSet> old() {
        return Collections.unmodifiableList(old);
    }

    RolloutBudget budget() {
        return budget;
    }

    int desiredReplicas() {
        return RolloutBudget.desiredReplicas(deployment);
    }

    /** {@code spec.replicas} of a ReplicaSet. */
    static int size(ReplicaSet replicaSet) {
        Integer replicas = replicaSet.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** Available pods of a ReplicaSet when the pass began. */
    int available(ReplicaSet replicaSet) {
        return available.getOrDefault(replicaSet.getMetadata().getUid(), 0);
    }

    int totalSize() {
        return oldSize() + (current == null ? 0 : size(current));
    }

    int oldSize() {
        return old.stream().mapToInt(RolloutState::size).sum();
    }

    int totalAvailable() {
        return old.stream().mapToInt(this::available).sum() + (current == null ? 0 : available(current));
    }

    /** Whether pods of earlier templates still exist (Recreate waits for them to be gone). */
    boolean oldPodsRemain() {
        return old.stream().anyMatch(replicaSet -> podCounts.getOrDefault(replicaSet.getMetadata().getUid(), 0) > 0);
    }

    /** Sets a ReplicaSet's {@code spec.replicas}, recording a {@code ScalingReplicaSet} event on the Deployment. */
    void scale(ReplicaSet replicaSet, int replicas) {
        int from = size(replicaSet);
        if (from == replicas) {
            return;
        }
        ReplicaSet scaled = new ReplicaSetBuilder(replicaSet)
                .editSpec().withReplicas(replicas).endSpec()
                .editMetadata()
                .addToAnnotations(DESIRED_REPLICAS_ANNOTATION, String.valueOf(desiredReplicas()))
                .addToAnnotations(MAX_REPLICAS_ANNOTATION, String.valueOf(desiredReplicas() + budget.maxSurge()))
                .endMetadata()
                .build();
        ReplicaSet written = pass.write(() -> pass.client().apps().replicaSets()
                .inNamespace(replicaSet.getMetadata().getNamespace()).resource(scaled).update());
        if (current != null && current.getMetadata().getUid().equals(written.getMetadata().getUid())) {
            current = written;
        } else {
            old.replaceAll(candidate -> candidate.getMetadata().getUid().equals(written.getMetadata().getUid())
                    ? written : candidate);
        }
        String message = String.format("Scaled %s replica set %s to %d from %d", replicas > from ? "up" : "down",
                replicaSet.getMetadata().getName(), replicas, from);
        pass.event(deployment, EventType.NORMAL, "ScalingReplicaSet", message, DeploymentController.COMPONENT);
    }
}
