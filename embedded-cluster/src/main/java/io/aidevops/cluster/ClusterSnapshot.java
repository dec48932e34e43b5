package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The workload objects of the whole cluster as one reconcile stage sees them. Each list is fetched on first use
 * only, so a stage pays for what it reads; lists are sorted by namespace and name, which keeps the order of the
 * simulator's actions, and with it every seeded choice, reproducible.
 */
final class ClusterSnapshot {

    private final Supplier<List<Deployment>> deployments;
    private final Supplier<List<ReplicaSet>> replicaSets;
    private final Supplier<List<Pod>> pods;

    ClusterSnapshot(KubernetesClient client) {
        this.deployments = memoize(() -> sorted(client.apps().deployments().inAnyNamespace().list().getItems()));
        this.replicaSets = memoize(() -> sorted(client.apps().replicaSets().inAnyNamespace().list().getItems()));
        this.pods = memoize(() -> sorted(client.pods().inAnyNamespace().list().getItems()));
    }

    List<Deployment> deployments() {
        return deployments.get();
    }

    List<ReplicaSet> replicaSets() {
        return replicaSets.get();
    }

    List<Pod> pods() {
        return pods.get();
    }

    /** The ReplicaSets {@code deployment} controls, oldest revision first. */
    List<ReplicaSet> replicaSetsOf(Deployment deployment) {
        return replicaSets().stream()
                .filter(replicaSet -> ControllerRef.isControlledBy(replicaSet, deployment))
                .sorted(Comparator.comparingLong(Revision::of).thenComparing(rs -> rs.getMetadata().getName()))
                .collect(Collectors.toList());
    }

    /** The active pods {@code replicaSet} controls. */
    List<Pod> podsOf(ReplicaSet replicaSet) {
        return pods().stream()
                .filter(pod -> ControllerRef.isControlledBy(pod, replicaSet) && PodConditions.isActive(pod))
                .collect(Collectors.toList());
    }

    /** The Deployment that controls {@code pod} through its ReplicaSet, as a key (it may just have been deleted). */
    Optional<ObjectKey> deploymentOf(Pod pod) {
        return ControllerRef.of(pod)
                .filter(owner -> "ReplicaSet".equals(owner.getKind()))
                .flatMap(owner -> replicaSets().stream()
                        .filter(replicaSet -> owner.getUid().equals(replicaSet.getMetadata().getUid()))
                        .findFirst())
                .flatMap(ControllerRef::of)
                .filter(owner -> "Deployment".equals(owner.getKind()))
                .map(owner -> new ObjectKey(pod.getMetadata().getNamespace(), owner.getName()));
    }

    private static <T extends HasMetadata> List<T> sorted(List<T> items) {
        return items.stream().sorted(Comparator.comparing(ObjectKey::of)).collect(Collectors.toList());
    }

    private static <T> Supplier<T> memoize(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }
}
