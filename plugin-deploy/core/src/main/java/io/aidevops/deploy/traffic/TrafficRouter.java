package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * Splits an app's traffic between its stable and canary Deployments.
 *
 * <p>Every method reads the objects it changes afresh and writes them back, so calling it again after a failure
 * (e.g. through {@code io.aidevops.deploy.kube.KubeRetry} after a 409 Conflict) re-applies the change to the
 * current state. Methods do not wait for pods to become ready: the engine waits before it starts the next timer.
 *
 * <p>Errors: Kubernetes API failures are thrown as fabric8's {@code KubernetesClientException} (so that a retry
 * policy can tell a conflict from a 404); objects that exist but cannot be routed (no route to the stable Service,
 * foreign destinations) as {@link TrafficRoutingException}.
 */
public interface TrafficRouter {

    /** A short name for logs and reports, e.g. {@code istio}. */
    String name();

    /** Scales both Deployments and routes {@code weights.requestedWeight()} percent of traffic to the canary. */
    void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights);

    /**
     * What is missing before a rollout can start, e.g. {@code VirtualService shop/shop not found}; empty when the
     * router is ready. The canary Deployment itself is not checked: the engine creates it.
     */
    Optional<String> check(KubernetesClient client, RolloutTarget target);

    /**
     * Back to 100 % stable (rollback finished, promotion, clean-up): all traffic to the stable track, the canary
     * Deployment scaled to zero, objects the router created removed.
     */
    void reset(KubernetesClient client, RolloutTarget target);
}
