package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/** The Recreate strategy: all old pods go, and only once they are gone do new ones start. */
final class Recreate implements RolloutStrategy {

    @Override
    public void proceed(RolloutState state) {
        boolean scaledDown = false;
        for (ReplicaSet old : state.old()) {
            if (RolloutState.size(old) > 0) {
                state.scale(old, 0);
                scaledDown = true;
            }
        }
        if (scaledDown || state.oldPodsRemain()) {
            return;
        }
        state.scale(state.current(), state.desiredReplicas());
    }
}
