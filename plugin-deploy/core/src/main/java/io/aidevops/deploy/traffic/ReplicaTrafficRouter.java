package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Optional;

/**
 * Canary without a mesh: the traffic split is the split of pods.
 *
 * <p>One Service selects only the shared app labels (e.g. {@code app=shop}), so its endpoints are the ready pods of
 * both Deployments. The Deployments' selectors add {@code track=stable} and {@code track=canary} respectively: the
 * {@code track} label keeps the selectors disjoint, so that neither Deployment's ReplicaSets adopt or count the
 * other's pods, while the Service, which does not select on {@code track}, sees both. Kube-proxy spreads new
 * connections evenly over ready endpoints, so the canary's share of traffic is about its share of ready pods; use
 * {@link TrafficWeights#replicaSplit} to choose the counts.
 *
 * <p>Limits: the split is per connection (keep-alive, HTTP/2 and gRPC skew it), session affinity and
 * topology-aware routing bias it, and its granularity is one pod. An HPA on the stable Deployment fights the
 * router's scaling.
 */
public final class ReplicaTrafficRouter implements TrafficRouter {

    @Override
    public String name() {
        return "replica";
    }

    /** Scales the canary and stable Deployments to the given counts; the weight itself is not used. */
    @Override
    public void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights) {
        DeploymentScaler.scale(client, target, weights.canaryReplicas(), weights.stableReplicas());
    }

    /** The stable Deployment and the Service must exist. */
    @Override
    public Optional<String> check(KubernetesClient client, RolloutTarget target) {
        return DeploymentScaler.checkStable(client, target)
                .or(() -> ServiceCheck.missing(client, target, target.service()));
    }

    /** The stable Deployment back to its size from before the rollout, the canary to zero. */
    @Override
    public void reset(KubernetesClient client, RolloutTarget target) {
        DeploymentScaler.restore(client, target);
    }
}
