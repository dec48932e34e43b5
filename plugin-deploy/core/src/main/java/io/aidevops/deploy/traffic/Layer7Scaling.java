package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The order of routing and scaling for L7 routers: traffic never goes to canary pods that are being removed, and
 * pods are added before traffic is sent to them.
 */
final class Layer7Scaling {

    private Layer7Scaling() {
    }

    /** Scales and routes, growing the canary before routing to it and shrinking it after routing away. */
    static void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights, Runnable route) {
        Deployment canary = client.apps().deployments().inNamespace(target.namespace())
                .withName(target.canaryDeployment()).get();
        Integer canaryNow = canary == null || canary.getSpec() == null ? null : canary.getSpec().getReplicas();
        boolean canaryShrinks = canaryNow != null && weights.canaryReplicas() < canaryNow;
        if (canaryShrinks) {
            route.run();
            DeploymentScaler.scale(client, target, weights.canaryReplicas(), weights.stableReplicas());
        } else {
            DeploymentScaler.scale(client, target, weights.canaryReplicas(), weights.stableReplicas());
            route.run();
        }
    }

    /** Routes everything to stable, then restores the Deployments' sizes. */
    static void reset(KubernetesClient client, RolloutTarget target, Runnable routeAllToStable) {
        routeAllToStable.run();
        DeploymentScaler.restore(client, target);
    }
}
