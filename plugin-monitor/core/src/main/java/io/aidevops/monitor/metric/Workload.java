package io.aidevops.monitor.metric;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Objects;

/**
 * A workload the monitor watches, as the informers see it at the start of a collection pass.
 *
 * @param namespace its namespace
 * @param name the Deployment's name (for other pods: their owner's or their own name)
 * @param pods its pods now; the objects are the informers' cache and must not be modified
 */
public record Workload(String namespace, String name, List<Pod> pods) {

    /** Copies the pod list. */
    public Workload {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        pods = List.copyOf(pods);
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }
}
