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
    private String server;

    /** @param target resolves the configured cluster, e.g. {@code () -> targets.resolve(settings, dataDir)} */
    public ConfiguredCluster(Supplier<ClusterTarget> target) {
        this.target = target;
    }

    @Override
    public synchronized KubernetesClient client() {
        // Resolved on every use (a kubeconfig read): an embedded cluster that restarts on another port, or a
        // kubeconfig switched to another cluster, is followed without restarting the service.
        ClusterTarget resolved = target.get();
        if (resolved instanceof ClusterTarget.Unavailable unavailable) {
            close();
            throw new Unavailable(unavailable.describe() + "; " + unavailable.hint());
        }
        var configured = (ClusterTarget.Configured) resolved;
        String wanted = configured.clientConfig().getMasterUrl();
        if (client == null || !java.util.Objects.equals(server, wanted)) {
            close();
            client = ClusterTargets.client(configured);
            server = wanted;
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
