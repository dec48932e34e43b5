package io.aidevops.controller.status;

import java.util.List;

/**
 * What the Kubernetes check found.
 *
 * @param health        healthy when the API server answered
 * @param target        where the cluster comes from (kubeconfig file and context, in-cluster, embedded)
 * @param serverVersion the API server's {@code gitVersion}, or null when unreachable
 * @param namespaces    the namespaces this identity may list; empty when not permitted or unreachable
 * @param problem       why the cluster cannot be used, or null
 * @param hint          what to do about the problem, or null
 */
public record KubernetesStatus(Health health, String target, String serverVersion, List<String> namespaces,
                               String problem, String hint) {

    public KubernetesStatus {
        namespaces = List.copyOf(namespaces);
    }
}
