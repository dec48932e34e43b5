package io.aidevops.deploy.rollout;

/** A request a user left on a running rollout for the engine to carry out at its next reconcile. */
public enum UserRequest {
    /** Nothing asked. */
    NONE,
    /** Roll back now. */
    ABORT,
    /** Finish the current pause or analysis step now and go on with the next. */
    PROMOTE_STEP,
    /** Skip all remaining steps and promote. */
    PROMOTE_FULL
}
