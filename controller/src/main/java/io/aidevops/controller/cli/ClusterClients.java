package io.aidevops.controller.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.aidevops.controller.config.AidevopsConfig;
import io.aidevops.controller.kube.ClusterTarget;
import io.aidevops.controller.kube.ClusterTargets;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Opens the Kubernetes client a command works with: {@code --kubeconfig FILE}, else the configured cluster. */
final class ClusterClients {

    private ClusterClients() {
    }

    /**
     * @param kubeconfig the file given with {@code --kubeconfig}, or null for the configured cluster
     * @throws UserException exit 2 for a missing file, exit 3 when no cluster is configured
     */
    static KubernetesClient open(CliContext context, AidevopsConfig config, Path kubeconfig) {
        if (kubeconfig != null) {
            if (!Files.isRegularFile(kubeconfig)) {
                throw new UserException("--kubeconfig " + kubeconfig + ": no such file", ExitCodes.USAGE);
            }
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, kubeconfig.toFile()))
                    .build();
        }
        ClusterTarget cluster = context.clusterTargets().resolve(config.kubernetes(), config.app().dataDir());
        if (cluster instanceof ClusterTarget.Configured configured) {
            return ClusterTargets.client(configured);
        }
        var unavailable = (ClusterTarget.Unavailable) cluster;
        throw new UserException(unavailable.describe() + "; " + unavailable.hint(), ExitCodes.INFRASTRUCTURE);
    }
}
