package io.aidevops.controller.status;

import java.util.List;

import io.aidevops.controller.kube.ClusterTarget;
import io.aidevops.controller.kube.ClusterTargets;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Asks a cluster's API server who it is and which namespaces this identity sees. */
public final class KubernetesProbe {
    private KubernetesProbe() {
    }

    /** @return the cluster's status; never throws for an unreachable or refusing cluster */
    public static KubernetesStatus probe(ClusterTarget target) {
        if (target instanceof ClusterTarget.Unavailable unavailable) {
            return new KubernetesStatus(Health.DEGRADED, unavailable.describe(), null, List.of(),
                    unavailable.describe(), unavailable.hint());
        }
        var configured = (ClusterTarget.Configured) target;
        try (var client = ClusterTargets.client(configured)) {
            var info = client.getKubernetesVersion();
            if (info == null || info.getGitVersion() == null) {
                // fabric8 answers null when /version is missing: something answers there, but not Kubernetes.
                return new KubernetesStatus(Health.DEGRADED, configured.describe(), null, List.of(),
                        "the server at " + configured.clientConfig().getMasterUrl() + " did not answer /version "
                                + "like a Kubernetes API server", "check the cluster's server URL in the kubeconfig");
            }
            var version = info.getGitVersion();
            List<String> namespaces;
            try {
                namespaces = client.namespaces().list().getItems().stream()
                        .map(Namespace::getMetadata).map(m -> m.getName()).sorted().toList();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    throw e;
                }
                // Listing namespaces is a cluster-wide permission many deploy identities rightly lack.
                namespaces = List.of();
            }
            return new KubernetesStatus(Health.HEALTHY, configured.describe(), version, namespaces, null, null);
        } catch (KubernetesClientException e) {
            var reason = e.getCode() > 0 ? "API server answered HTTP " + e.getCode() + ": " + firstLine(e.getMessage())
                    : "API server unreachable: " + rootMessage(e);
            var hint = e.getCode() == 401 || e.getCode() == 403 ? "check the credentials of this kubeconfig context"
                    : "check that the cluster is running and reachable from here";
            return new KubernetesStatus(Health.DEGRADED, configured.describe(), null, List.of(), reason, hint);
        }
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        var message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return firstLine(message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        var newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
