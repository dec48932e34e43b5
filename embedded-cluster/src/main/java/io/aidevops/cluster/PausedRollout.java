package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A paused Deployment: no template change is rolled out, but a changed replica count still is. With a single active
 * ReplicaSet that one is scaled; a rollout paused half-way keeps its split (Kubernetes would scale the ReplicaSets
 * proportionally, which the simulator leaves out).
 */
final class PausedRollout implements RolloutStrategy {

    @Override
    public void proceed(RolloutState state) {
        List<ReplicaSet> all = new ArrayList<>(state.old());
        if (state.current() != null) {
            all.add(state.current());
        }
        List<ReplicaSet> active = all.stream().filter(replicaSet -> RolloutState.size(replicaSet) > 0)
                .collect(Collectors.toList());
        if (active.size() == 1) {
            state.scale(active.get(0), state.desiredReplicas());
        } else if (active.isEmpty() && state.current() != null) {
            state.scale(state.current(), state.desiredReplicas());
        }
    }
}
