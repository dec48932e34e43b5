package io.aidevops.deploy.rollout;

/** Hears about each change of a rollout's status line, for progress output. */
@FunctionalInterface
public interface RolloutListener {

    /** Ignores everything. */
    RolloutListener NONE = state -> { };

    /** Called after a reconcile changed the state's message or phase, and after every look. */
    void changed(RolloutState state);
}
