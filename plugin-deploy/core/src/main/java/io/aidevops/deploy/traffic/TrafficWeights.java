package io.aidevops.deploy.traffic;

import io.aidevops.ai.strategy.ReplicaSplit;

/**
 * What a router is asked to bring about: the canary's share of traffic and how many pods each track runs.
 *
 * <p>For the replica router the pod counts <em>are</em> the split (see {@link #replicaSplit}); for L7 routers the
 * weight goes to the mesh or ingress and the counts only size the Deployments (see {@link #layer7}).
 *
 * @param requestedWeight the canary's share of traffic in percent, 0 to 100
 * @param canaryReplicas pods of the canary Deployment, at least 0
 * @param stableReplicas pods of the stable Deployment, at least 0
 */
public record TrafficWeights(int requestedWeight, int canaryReplicas, int stableReplicas) {

    /** @throws IllegalArgumentException if the weight is not 0 to 100 or a count is negative */
    public TrafficWeights {
        if (requestedWeight < 0 || requestedWeight > 100) {
            throw new IllegalArgumentException("the canary weight must be 0 to 100, but is " + requestedWeight);
        }
        if (canaryReplicas < 0 || stableReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be at least 0, but are canary " + canaryReplicas
                    + ", stable " + stableReplicas);
        }
    }

    /** Everything to the stable track, at {@code replicas} pods; the canary at none. */
    public static TrafficWeights allStable(int replicas) {
        return new TrafficWeights(0, 0, replicas);
    }

    /**
     * Replica counts that approximate {@code weight} behind one Service without a mesh (the Service spreads new
     * connections evenly over ready pods, so the canary's share is its share of the pods).
     *
     * <p>Candidates are {@code ceil} and {@code floor} of {@code replicas × weight / 100} canary pods out of
     * {@code replicas} pods in total, and out of {@code replicas + 1} when one pod of surge is allowed. For a weight
     * strictly between 0 and 100 neither track may end up empty (unless a single pod without surge leaves no
     * choice), and an exact half rounds up. Of the rest, the candidate closest to the weight wins, ties going to
     * {@code ceil} out of {@code replicas}. E.g. 5 pods at 20 % are 1:4; 3 pods at 20 % with surge are 1:3 (25 %);
     * 10 pods at 41 % are 4:6.
     *
     * @param weight the requested canary share, 0 to 100
     * @param replicas the app's pod count, at least 0
     * @param surge whether one pod more than {@code replicas} may run
     */
    public static TrafficWeights replicaSplit(int weight, int replicas, boolean surge) {
        requireReplicas(replicas);
        int clamped = Math.max(0, Math.min(100, weight));
        if (clamped == 0 || replicas == 0) {
            return new TrafficWeights(clamped, 0, replicas);
        }
        // The rule lives with the strategy advisor, which plans with it; the engine applies the same split.
        ReplicaSplit split = ReplicaSplit.of(replicas, clamped, surge ? 1 : 0);
        return new TrafficWeights(clamped, split.canary(), split.stable());
    }

    /**
     * Pod counts for an L7 router, which splits traffic by weight whatever the pod counts: the canary gets
     * {@code ceil(replicas × weight / 100)} pods (enough to carry its share), the stable track keeps all
     * {@code replicas} so that it can take all traffic back at once.
     */
    public static TrafficWeights layer7(int weight, int replicas) {
        requireReplicas(replicas);
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("the canary weight must be 0 to 100, but is " + weight);
        }
        int canary = (int) Math.min(replicas, ((long) replicas * weight + 99) / 100);
        return new TrafficWeights(weight, canary, replicas);
    }

    /**
     * The canary's share of pods in percent, which is the share of traffic the replica router achieves; NaN
     * without pods.
     */
    public double replicaShare() {
        int total = canaryReplicas + stableReplicas;
        return total == 0 ? Double.NaN : 100.0 * canaryReplicas / total;
    }

    private static void requireReplicas(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be at least 0, but is " + replicas);
        }
    }
}
