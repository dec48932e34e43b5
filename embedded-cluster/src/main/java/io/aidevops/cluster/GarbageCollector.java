package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes ReplicaSets whose Deployment is gone and Pods whose ReplicaSet is gone, as Kubernetes' garbage collector
 * does with background propagation. Owners are matched by UID, so a Deployment deleted and recreated under the same
 * name does not adopt its predecessor's ReplicaSets. Objects without a controller reference, or owned by kinds the
 * simulator does not manage, are left alone.
 */
final class GarbageCollector implements ReconcileStage {

    @Override
    public void run(ReconcilePass pass) {
        ClusterSnapshot snapshot = pass.snapshot();
        Set<String> deployments = uids(snapshot.deployments());
        Set<String> liveReplicaSets = new HashSet<>();
        for (ReplicaSet replicaSet : snapshot.replicaSets()) {
            if (!isOrphan(replicaSet, "Deployment", deployments)) {
                liveReplicaSets.add(replicaSet.getMetadata().getUid());
            }
        }
        pass.forEachIsolated(orphans(snapshot.replicaSets(), "Deployment", deployments),
                replicaSet -> pass.write(() -> pass.client().apps().replicaSets()
                        .inNamespace(replicaSet.getMetadata().getNamespace())
                        .withName(replicaSet.getMetadata().getName()).delete()));
        List<Pod> orphanPods = orphans(snapshot.pods(), "ReplicaSet", liveReplicaSets);
        pass.forEachIsolated(orphanPods, pod -> pass.write(() -> pass.client().pods()
                .inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete()));
    }

    private static <T extends HasMetadata> List<T> orphans(List<T> objects, String ownerKind, Set<String> owners) {
        return objects.stream().filter(object -> isOrphan(object, ownerKind, owners)).collect(Collectors.toList());
    }

    private static boolean isOrphan(HasMetadata object, String ownerKind, Set<String> liveOwners) {
        Optional<OwnerReference> owner = ControllerRef.of(object);
        return owner.isPresent() && ownerKind.equals(owner.get().getKind())
                && !liveOwners.contains(owner.get().getUid());
    }

    private static Set<String> uids(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getUid()).collect(Collectors.toSet());
    }
}
