package io.aidevops.ai.correlation;

/**
 * How {@link CorrelationRanker} searches and what it reports.
 *
 * @param maxLag the largest shift tried either way, in sampling steps (0 to compare same times only)
 * @param minOverlap the fewest pairs of differences a correlation may rest on; fewer and the series is not judged
 * @param alpha the family-wise false-report rate: the chance that noise is reported as related, over every series
 *        and lag tried (Bonferroni)
 * @param minCorrelation the smallest absolute correlation reported even when significant: with thousands of points
 *        a correlation of 0.1 is significant and still useless for triage
 */
public record CorrelationSettings(int maxLag, int minOverlap, double alpha, double minCorrelation) {

    /** Checks the ranges. */
    public CorrelationSettings {
        if (maxLag < 0 || maxLag > 10_000) {
            throw new IllegalArgumentException("maxLag must be 0 to 10000, was " + maxLag);
        }
        if (minOverlap < 4) {
            throw new IllegalArgumentException("minOverlap must be at least 4, was " + minOverlap);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        if (!(minCorrelation >= 0 && minCorrelation < 1)) {
            throw new IllegalArgumentException("minCorrelation must be in [0, 1), was " + minCorrelation);
        }
    }

    /**
     * Lags up to 10 steps (50 minutes at 5-minute sampling) either way, at least 30 pairs, a 1 % family-wise
     * false-report rate and |r| of at least 0.3.
     */
    public static CorrelationSettings defaults() {
        return new CorrelationSettings(10, 30, 0.01, 0.3);
    }
}
