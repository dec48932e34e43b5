package io.aidevops.deploy.traffic;

import java.util.Locale;

/**
 * Which side of a canary rollout a pod belongs to, carried as the pod label {@value #LABEL}.
 *
 * <p>The stable and canary Deployments both carry the shared app labels (which the Service selects) plus
 * {@code track=stable} or {@code track=canary}; the {@code track} label keeps the two Deployments' selectors
 * disjoint, so neither adopts the other's pods, and lets metric queries tell baseline from canary.
 */
public enum Track {
    /** The version in production: the baseline of the comparison. */
    STABLE,
    /** The new version under test. */
    CANARY;

    /** The pod label that names the track. */
    public static final String LABEL = "track";

    /** The label value: {@code stable} or {@code canary}. */
    public String labelValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Deployment of this track in {@code target}. */
    public String deployment(RolloutTarget target) {
        return this == STABLE ? target.stableDeployment() : target.canaryDeployment();
    }
}
