package io.aidevops.monitor.watch;

import io.aidevops.monitor.metric.Workload;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the informers hold at one moment. The objects are the informers' cache: read them, never change them.
 *
 * @param deployments the watched Deployments
 * @param replicaSets the watched ReplicaSets (to find a pod's Deployment)
 * @param pods the watched Pods
 * @param events the Events of the watched namespaces
 */
public record ClusterState(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods,
        List<Event> events) {

    private static final String POD_TEMPLATE_HASH = "pod-template-hash";

    /** Copies the lists (not the objects). */
    public ClusterState {
        deployments = List.copyOf(deployments);
        replicaSets = List.copyOf(replicaSets);
        pods = List.copyOf(pods);
        events = List.copyOf(events);
    }

    /** Nothing at all. */
    public static ClusterState empty() {
        return new ClusterState(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The workloads: every Deployment, and every owner of pods that belong to no Deployment, each with its pods;
     * sorted by namespace and name so that passes go in the same order.
     */
    public List<Workload> workloads() {
        Map<String, String[]> names = new TreeMap<>();
        Map<String, List<Pod>> pods = new HashMap<>();
        for (Deployment deployment : deployments) {
            String namespace = deployment.getMetadata().getNamespace();
            String name = deployment.getMetadata().getName();
            names.put(namespace + "/" + name, new String[] {namespace, name});
        }
        for (Pod pod : this.pods) {
            String namespace = pod.getMetadata().getNamespace();
            String name = workloadOf(pod);
            names.put(namespace + "/" + name, new String[] {namespace, name});
            pods.computeIfAbsent(namespace + "/" + name, k -> new ArrayList<>()).add(pod);
        }
        List<Workload> workloads = new ArrayList<>();
        names.forEach((key, name) -> workloads.add(new Workload(name[0], name[1], pods.getOrDefault(key, List.of()))));
        return workloads;
    }

    /**
     * The name of the workload a pod belongs to: its Deployment through its ReplicaSet, else its controller (a
     * StatefulSet, a Job, ...), else the pod itself.
     */
    public String workloadOf(Pod pod) {
        OwnerReference owner = controllerOf(pod.getMetadata().getOwnerReferences());
        if (owner == null) {
            return pod.getMetadata().getName();
        }
        if (!"ReplicaSet".equals(owner.getKind())) {
            return owner.getName();
        }
        String namespace = pod.getMetadata().getNamespace();
        for (ReplicaSet replicaSet : replicaSets) {
            if (replicaSet.getMetadata().getName().equals(owner.getName())
                    && namespace.equals(replicaSet.getMetadata().getNamespace())) {
                OwnerReference deployment = controllerOf(replicaSet.getMetadata().getOwnerReferences());
                return deployment != null && "Deployment".equals(deployment.getKind()) ? deployment.getName()
                        : owner.getName();
            }
        }
        // The ReplicaSet is not cached (yet): Deployments name theirs <deployment>-<pod-template-hash>.
        Map<String, String> labels = pod.getMetadata().getLabels();
        String hash = labels == null ? null : labels.get(POD_TEMPLATE_HASH);
        if (hash != null && owner.getName().endsWith("-" + hash)) {
            return owner.getName().substring(0, owner.getName().length() - hash.length() - 1);
        }
        return owner.getName();
    }

    private static OwnerReference controllerOf(List<OwnerReference> owners) {
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        for (OwnerReference owner : owners) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return owner;
            }
        }
        return owners.get(0);
    }
}
