package io.aidevops.ai.canary.evaluation;

import io.aidevops.ai.canary.AdaptiveJudge;

/**
 * What a scenario injects into the canary, and how the size of that injection is measured against the judge's
 * default tolerance (see {@link ScenarioSpec#category()} for the labelling rule).
 */
public enum ScenarioFamily {
    /** A/A: the same version on both sides; only noise. */
    NONE("A/A, same version on both sides", "none", Double.NaN),
    /** Every canary request slower by the factor {@code size}. */
    LATENCY_SHIFT("every canary request slower", "latency ratio", 1.10),
    /**
     * A small share (2 %) of canary requests much slower, sized so that the request-level p99 grows by the factor
     * {@code size} while the median moves by about 1 %.
     */
    LATENCY_TAIL("2 % of canary requests much slower (p99 up, median not)", "p99 ratio", 1.10),
    /** Canary errors of {@code size} (a share, 0.01 = 1 percentage point) on top of a baseline without errors. */
    ERROR_FROM_ZERO("errors added to a zero-error baseline", "error rate difference", 0.005),
    /** Canary errors of {@code size} on top of a 0.2 % baseline error rate. */
    ERROR_FROM_BASE("errors added to a 0.2 % baseline", "error rate difference", 0.005),
    /**
     * Canary latency (mean) and CPU more erratic, same mean: each canary point's deviation from its noise-free level
     * is multiplied by {@code size}.
     */
    VARIANCE("latency and CPU more erratic, same mean", "spread ratio", AdaptiveJudge.SPREAD_TOLERANCE),
    /** Every canary request slower by {@code size} from the start of look 3 on. */
    LATE_ONSET("every canary request slower from look 3 on", "latency ratio", 1.10),
    /** The requests of one canary pod (of several) slower by {@code size}. */
    BAD_POD("one canary pod's requests slower", "latency ratio on that pod", 1.10),
    /**
     * Canary memory grows linearly by {@code size} (0.3 = 30 %) over the rollout; the effect is the growth the final
     * cumulative window shows in its median, {@code 1 + size / 2}.
     */
    MEMORY_LEAK("canary memory grows linearly", "final-window memory ratio", 1.10);

    private final String description;
    private final String effectMeasure;
    private final double tolerance;

    ScenarioFamily(String description, String effectMeasure, double tolerance) {
        this.description = description;
        this.effectMeasure = effectMeasure;
        this.tolerance = tolerance;
    }

    /** What the family injects, in words. */
    public String description() {
        return description;
    }

    /** What {@link ScenarioSpec#effect()} measures for this family. */
    public String effectMeasure() {
        return effectMeasure;
    }

    /**
     * The default tolerance the effect is labelled against: 1.10 for ratios ({@code MetricSpec.of}), 0.005 for error
     * rate differences, {@link AdaptiveJudge#SPREAD_TOLERANCE} for spreads; NaN for A/A.
     */
    public double tolerance() {
        return tolerance;
    }

    /** Whether the effect is an absolute difference of error shares rather than a ratio. */
    public boolean absolute() {
        return this == ERROR_FROM_ZERO || this == ERROR_FROM_BASE;
    }
}
