package io.aidevops.cluster;

import java.util.List;

/**
 * One resource type the embedded API server advertises in its discovery documents.
 *
 * <p>The CRUD store accepts any path, so advertising a type is all it takes for {@code kubectl} to find it; only the
 * types listed here show up in {@code kubectl api-resources} and can be named on the command line.
 *
 * @param group API group, empty for the core group
 * @param version API version within the group
 * @param plural the path segment, e.g. {@code deployments}
 * @param singular the singular name, e.g. {@code deployment}
 * @param kind the object kind, e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 * @param shortNames abbreviations kubectl accepts, e.g. {@code deploy}
 * @param subresources subresources served for this type, e.g. {@code status}, {@code scale}
 */
record ServedResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
        List<String> shortNames, List<String> subresources) {

    ServedResource {
        shortNames = List.copyOf(shortNames);
        subresources = List.copyOf(subresources);
    }

    /** The {@code group/version} string, or just the version for the core group. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The discovery path of this type's group version: {@code /api/v1} or {@code /apis/<group>/<version>}. */
    String discoveryPath() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    /**
     * Every type the embedded cluster serves: what a workload and its observers need, no more. Events are served in
     * the core group only: the CRUD store keys objects by the group of their path, so {@code events.k8s.io} would be
     * a second, empty store, and kubectl would pick it for {@code kubectl get events}.
     */
    static List<ServedResource> catalogue() {
        return List.of(
                core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of("status")),
                core("nodes", "node", "Node", false, List.of("no"), List.of("status")),
                core("pods", "pod", "Pod", true, List.of("po"), List.of("status")),
                core("services", "service", "Service", true, List.of("svc"), List.of("status")),
                core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of()),
                core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of()),
                core("secrets", "secret", "Secret", true, List.of(), List.of()),
                core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), List.of()),
                core("events", "event", "Event", true, List.of("ev"), List.of()),
                apps("deployments", "deployment", "Deployment", List.of("deploy")),
                apps("replicasets", "replicaset", "ReplicaSet", List.of("rs")),
                apps("statefulsets", "statefulset", "StatefulSet", List.of("sts")),
                apps("daemonsets", "daemonset", "DaemonSet", List.of("ds")));
    }

    private static ServedResource core(String plural, String singular, String kind, boolean namespaced,
            List<String> shortNames, List<String> subresources) {
        return new ServedResource("", "v1", plural, singular, kind, namespaced, shortNames, subresources);
    }

    private static ServedResource apps(String plural, String singular, String kind, List<String> shortNames) {
        return new ServedResource("apps", "v1", plural, singular, kind, true, shortNames, List.of("status", "scale"));
    }
}
