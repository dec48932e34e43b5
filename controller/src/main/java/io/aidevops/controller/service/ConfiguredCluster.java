package io.aidevops.controller.service;

import java.util.function.Supplier;

import io.aidevops.controller.kube.ClusterTarget;
import io.aidevops.controller.kube.ClusterTargets;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The cluster the configuration points at, connected on first use: the service starts without a cluster, and while
 * none is configured each request resolves the target again, so one that appears later (an embedded cluster's
 * kubeconfig) is found without a restart.
 */
public final class ConfiguredCluster implements ClusterAccess, AutoCloseable {

    private final Supplier<ClusterTarget> target;
    private KubernetesClient client;

    /** @param target resolves the configured cluster, e.g. {@code () -> targets.resolve(settings, dataDir)} */
    public ConfiguredCluster(Supplier<ClusterTarget> target) {
        this.target = target;
    }

    @Override
    public synchronized KubernetesClient client() {
        if (client == null) {
            ClusterTarget resolved = target.get();
            if (resolved instanceof ClusterTarget.Unavailable unavailable) {
                throw new Unavailable(unavailable.describe() + "; " + unavailable.hint());
            }
            client = ClusterTargets.client((ClusterTarget.Configured) resolved);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
