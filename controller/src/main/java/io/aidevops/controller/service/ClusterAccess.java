package io.aidevops.controller.service;

import io.fabric8.kubernetes.client.KubernetesClient;

/** How the endpoints that read the cluster get a client. */
@FunctionalInterface
public interface ClusterAccess {

    /**
     * @return a client; the caller does not close it
     * @throws Unavailable when no cluster is configured
     */
    KubernetesClient client();

    /** No cluster is configured, or the configured one cannot be used; the message says why and what to do. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message why, and what the user can do */
        public Unavailable(String message) {
            super(message);
        }
    }
}
