package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * The RollingUpdate strategy, step for step as Kubernetes' Deployment controller does it: scale the new ReplicaSet
 * up as far as {@code maxSurge} allows, then scale old ones down as far as {@code maxUnavailable} allows, unhealthy
 * pods first. Over a whole rollout the pod count never exceeds {@code replicas + maxSurge} and the available pods
 * never fall below {@code replicas - maxUnavailable} (unless pods fail on their own).
 */
final class RollingUpdate implements RolloutStrategy {

    @Override
    public void proceed(RolloutState state) {
        // Like Kubernetes, one direction per step: a step that scaled up leaves scaling down to the next one.
        if (scaleUpCurrent(state) || state.oldSize() == 0) {
            return;
        }
        int replicas = state.desiredReplicas();
        int minAvailable = state.budget().minAvailable(replicas);
        int currentUnavailable = RolloutState.size(state.current()) - state.available(state.current());
        int maxScaledDown = state.totalSize() - minAvailable - currentUnavailable;
        if (maxScaledDown <= 0) {
            return;
        }
        removeUnhealthyOldPods(state, maxScaledDown);
        scaleDownAvailableOldPods(state, minAvailable);
    }

    /** Scales the current ReplicaSet towards the desired count; whether it changed anything. */
    private static boolean scaleUpCurrent(RolloutState state) {
        ReplicaSet current = state.current();
        int replicas = state.desiredReplicas();
        int size = RolloutState.size(current);
        if (size > replicas) {
            state.scale(current, replicas);
            return true;
        }
        int room = replicas + state.budget().maxSurge() - state.totalSize();
        if (size < replicas && room > 0) {
            state.scale(current, size + Math.min(room, replicas - size));
            return true;
        }
        return false;
    }

    /** Old pods that are not available cost no availability to remove, so they go first. */
    private static void removeUnhealthyOldPods(RolloutState state, int maxScaledDown) {
        int scaledDown = 0;
        for (ReplicaSet old : state.old()) {
            if (scaledDown >= maxScaledDown) {
                return;
            }
            int size = RolloutState.size(old);
            int unhealthy = size - state.available(old);
            if (size == 0 || unhealthy <= 0) {
                continue;
            }
            int step = Math.min(maxScaledDown - scaledDown, unhealthy);
            state.scale(old, size - step);
            scaledDown += step;
        }
    }

    private static void scaleDownAvailableOldPods(RolloutState state, int minAvailable) {
        int surplus = state.totalAvailable() - minAvailable;
        int scaledDown = 0;
        for (ReplicaSet old : state.old()) {
            if (scaledDown >= surplus) {
                return;
            }
            int size = RolloutState.size(old);
            if (size == 0) {
                continue;
            }
            int step = Math.min(size, surplus - scaledDown);
            state.scale(old, size - step);
            scaledDown += step;
        }
    }
}
