package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/** Whether a Service a router needs exists. */
final class ServiceCheck {

    private ServiceCheck() {
    }

    /** What an L7 router needs first: the stable Deployment, then the stable and the canary Service. */
    static Optional<String> stableAndServices(KubernetesClient client, RolloutTarget target, String stableService,
            String canaryService) {
        return DeploymentScaler.checkStable(client, target)
                .or(() -> missing(client, target, stableService))
                .or(() -> missing(client, target, canaryService));
    }

    /** {@code Service ns/name not found}, or empty when it exists. */
    static Optional<String> missing(KubernetesClient client, RolloutTarget target, String service) {
        return client.services().inNamespace(target.namespace()).withName(service).get() == null
                ? Optional.of("Service " + target.qualified(service) + " not found")
                : Optional.empty();
    }
}
