package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** How a Deployment moves from its old ReplicaSets to the current one, one reconcile step at a time. */
sealed interface RolloutStrategy permits RollingUpdate, Recreate, PausedRollout {

    /** Takes the next step; does nothing if the rollout is done. */
    void proceed(RolloutState state);

    /** The strategy for {@code deployment}'s current spec. */
    static RolloutStrategy of(Deployment deployment) {
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            return new PausedRollout();
        }
        return RolloutBudget.isRecreate(deployment) ? new Recreate() : new RollingUpdate();
    }
}
