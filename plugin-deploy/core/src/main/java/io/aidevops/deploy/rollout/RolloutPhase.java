package io.aidevops.deploy.rollout;

/** Where a canary rollout is. The last four are final until a {@code retry}. */
public enum RolloutPhase {
    /** Preparing: labelling the stable pods, creating the canary Deployment. */
    STARTING,
    /** Working through the plan's steps. */
    PROGRESSING,
    /** Moving the stable Deployment to the canary's image, then removing the canary. */
    PROMOTING,
    /** Sending all traffic back to the stable version and scaling the canary to zero. */
    ROLLING_BACK,
    /** Done: the new version runs as the stable Deployment. */
    PROMOTED,
    /** Done: the analysis (or a health check or deadline) rejected the new version. */
    ROLLED_BACK,
    /** Done: a user aborted the rollout; traffic is back on the stable version. */
    ABORTED,
    /** Stopped: the rollout cannot go on (for example the stable Deployment was deleted). */
    FAILED;

    /** Whether nothing more happens without a user's {@code retry}. */
    public boolean isFinal() {
        return this == PROMOTED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
    }
}
