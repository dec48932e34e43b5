package io.aidevops.ai.canary.evaluation;

/** Where a scenario's injected effect lies against the default tolerance. Only {@link #BEYOND_TOLERANCE} should fail. */
public enum EffectCategory {
    /** A/A: nothing injected. Rollbacks here are the false positives. */
    NO_EFFECT,
    /** An effect below the tolerance, labelled good: it shows the tolerance at work. */
    WITHIN_TOLERANCE,
    /**
     * An effect exactly at the tolerance, labelled good (the rule is "exceeds"), but a judge with an unbiased estimate
     * flags it about half of the time, so it is reported on its own and counted neither as a false positive nor as a
     * detection.
     */
    AT_TOLERANCE,
    /** An effect beyond the tolerance, labelled bad: it should be rolled back. */
    BEYOND_TOLERANCE
}
