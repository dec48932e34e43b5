package io.aidevops.ai.strategy;

import java.util.Objects;

/**
 * Everything the strategy advisor weighs about one workload and its environment.
 *
 * @param replicas the workload's current replica count, at least 1
 * @param requestsPerSecond the traffic the whole workload serves, at least 0
 * @param autoscaler the HPA that targets the workload, or null when none does
 * @param router the layer-7 router in front of the workload, {@link TrafficRouter#NONE} when there is none
 * @param criticality how much a bad release hurts
 * @param history what recent rollouts did ({@link RolloutHistory#NONE} when unknown)
 * @param coexistence whether old and new version may serve at the same time
 * @param stateful whether the workload keeps state in volumes (a StatefulSet or the like)
 * @param sparePods how many extra pods of this size the cluster (and quota) can hold during the rollout, at least 0
 */
public record WorkloadProfile(int replicas, double requestsPerSecond, Autoscaler autoscaler, TrafficRouter router,
        Criticality criticality, RolloutHistory history, Coexistence coexistence, boolean stateful, int sparePods) {

    /** @throws IllegalArgumentException naming the field that is out of range */
    public WorkloadProfile {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(coexistence, "coexistence");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, but was " + replicas);
        }
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be a finite number of at least 0, but was "
                    + requestsPerSecond);
        }
        if (sparePods < 0) {
            throw new IllegalArgumentException("sparePods must be at least 0, but was " + sparePods);
        }
    }

    /**
     * A stateless, medium-critical workload that can run two versions at once, without HPA, router or history, and
     * with room for a full second copy; change the rest with the {@code with*} methods.
     */
    public static WorkloadProfile of(int replicas, double requestsPerSecond) {
        return new WorkloadProfile(replicas, requestsPerSecond, null, TrafficRouter.NONE, Criticality.MEDIUM,
                RolloutHistory.NONE, Coexistence.SUPPORTED, false, replicas);
    }

    /** This profile with another HPA (null for none). */
    public WorkloadProfile withAutoscaler(Autoscaler value) {
        return new WorkloadProfile(replicas, requestsPerSecond, value, router, criticality, history, coexistence,
                stateful, sparePods);
    }

    /** This profile with another router. */
    public WorkloadProfile withRouter(TrafficRouter value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, value, criticality, history, coexistence,
                stateful, sparePods);
    }

    /** This profile with another criticality. */
    public WorkloadProfile withCriticality(Criticality value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, router, value, history, coexistence,
                stateful, sparePods);
    }

    /** This profile with another history. */
    public WorkloadProfile withHistory(RolloutHistory value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, router, criticality, value, coexistence,
                stateful, sparePods);
    }

    /** This profile with another coexistence. */
    public WorkloadProfile withCoexistence(Coexistence value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, router, criticality, history, value,
                stateful, sparePods);
    }

    /** This profile, stateful or not. */
    public WorkloadProfile withStateful(boolean value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, router, criticality, history, coexistence,
                value, sparePods);
    }

    /** This profile with another number of spare pods. */
    public WorkloadProfile withSparePods(int value) {
        return new WorkloadProfile(replicas, requestsPerSecond, autoscaler, router, criticality, history, coexistence,
                stateful, value);
    }

    /** Whether an HPA targets the workload. */
    public boolean autoscaled() {
        return autoscaler != null;
    }
}
