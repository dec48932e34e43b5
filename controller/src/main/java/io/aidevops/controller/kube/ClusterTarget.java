package io.aidevops.controller.kube;

import io.fabric8.kubernetes.client.Config;

/** The Kubernetes cluster the configuration points at, or why there is none. */
public sealed interface ClusterTarget {

    /** @return a line a user recognises: where the cluster comes from */
    String describe();

    /**
     * A cluster to talk to.
     *
     * @param clientConfig the fabric8 client configuration, timeouts and token already applied
     * @param describe     e.g. {@code kubeconfig ~/.kube/config (context staging)}
     */
    record Configured(Config clientConfig, String describe) implements ClusterTarget {
    }

    /**
     * No cluster is configured, or the configured one cannot be used.
     *
     * @param describe what is missing
     * @param hint     what the user can do about it
     */
    record Unavailable(String describe, String hint) implements ClusterTarget {
    }
}
