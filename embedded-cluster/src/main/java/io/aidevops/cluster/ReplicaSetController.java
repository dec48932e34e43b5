package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates and deletes pods until every ReplicaSet has as many as its {@code spec.replicas} asks for. */
final class ReplicaSetController implements ReconcileStage {

    static final String COMPONENT = "replicaset-controller";
    /** Kubernetes keeps generated names within 63 characters: a base of at most 58 plus 5 random ones. */
    private static final int MAX_BASE_NAME = 58;
    private static final int SUFFIX_LENGTH = 5;

    private final NameGenerator names;

    ReplicaSetController(NameGenerator names) {
        this.names = names;
    }

    @Override
    public void run(ReconcilePass pass) {
        ClusterSnapshot snapshot = pass.snapshot();
        Set<ObjectKey> taken = snapshot.pods().stream().map(ObjectKey::of)
                .collect(Collectors.toCollection(HashSet::new));
        pass.forEachIsolated(snapshot.replicaSets(), replicaSet -> {
            if (replicaSet.getMetadata().getDeletionTimestamp() == null) {
                sync(replicaSet, snapshot.podsOf(replicaSet), taken, pass);
            }
        });
    }

    private void sync(ReplicaSet replicaSet, List<Pod> pods, Set<ObjectKey> taken, ReconcilePass pass) {
        Integer replicas = replicaSet.getSpec().getReplicas();
        int missing = (replicas == null ? 1 : replicas) - pods.size();
        for (int i = 0; i < missing; i++) {
            Pod pod = pass.write(() -> pass.client().pods().inNamespace(replicaSet.getMetadata().getNamespace())
                    .resource(newPod(replicaSet, taken)).create());
            pass.event(replicaSet, EventType.NORMAL, "SuccessfulCreate",
                    "Created pod: " + pod.getMetadata().getName(), COMPONENT);
        }
        List<Pod> surplus = pods.stream().sorted(PodDeletionOrder.comparator()).limit(Math.max(0, -missing))
                .collect(Collectors.toList());
        for (Pod pod : surplus) {
            pass.write(() -> pass.client().pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).delete());
            pass.event(replicaSet, EventType.NORMAL, "SuccessfulDelete",
                    "Deleted pod: " + pod.getMetadata().getName(), COMPONENT);
        }
    }

    private Pod newPod(ReplicaSet replicaSet, Set<ObjectKey> taken) {
        ObjectMeta template = replicaSet.getSpec().getTemplate().getMetadata();
        PodSpec spec = new PodSpecBuilder(replicaSet.getSpec().getTemplate().getSpec()).build();
        if (spec.getRestartPolicy() == null) {
            spec.setRestartPolicy("Always");
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(uniqueName(replicaSet, taken))
                .withNamespace(replicaSet.getMetadata().getNamespace())
                .withLabels(template == null ? null : template.getLabels())
                .withAnnotations(template == null ? null : template.getAnnotations())
                .withOwnerReferences(ControllerRef.to(replicaSet))
                .endMetadata()
                .withSpec(spec)
                .build();
    }

    private String uniqueName(ReplicaSet replicaSet, Set<ObjectKey> taken) {
        String base = replicaSet.getMetadata().getName() + "-";
        if (base.length() > MAX_BASE_NAME) {
            base = base.substring(0, MAX_BASE_NAME);
        }
        while (true) {
            ObjectKey candidate = new ObjectKey(replicaSet.getMetadata().getNamespace(),
                    base + names.suffix(SUFFIX_LENGTH));
            if (taken.add(candidate)) {
                return candidate.name();
            }
        }
    }
}
