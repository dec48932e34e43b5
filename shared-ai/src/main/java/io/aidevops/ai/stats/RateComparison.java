package io.aidevops.ai.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Compares two event rates measured over known exposures (errors over requests): the exact conditional test for two
 * Poisson rates. Given k events in all, under equal rates the canary's share of them is binomial with the canary's
 * share of the exposure, so a zero baseline and a handful of canary errors are judged exactly, where a rank test on
 * per-scrape shares sees mostly ties.
 *
 * @param baselineEvents events on the baseline
 * @param baselineExposure exposure of the baseline (requests)
 * @param canaryEvents events on the canary
 * @param canaryExposure exposure of the canary
 * @param pHigher one-sided p-value of "the canary's rate is higher"
 * @param pLower one-sided p-value of "the canary's rate is lower"
 */
public record RateComparison(double baselineEvents, double baselineExposure, double canaryEvents,
        double canaryExposure, double pHigher, double pLower) {

    /**
     * Compares the rates. Event counts are rounded to whole events.
     *
     * @throws IllegalArgumentException if an exposure is not positive
     */
    public static RateComparison of(double baselineEvents, double baselineExposure, double canaryEvents,
            double canaryExposure) {
        if (!(baselineExposure > 0) || !(canaryExposure > 0)) {
            throw new IllegalArgumentException("rate comparison needs positive exposure on both sides, but has "
                    + baselineExposure + " and " + canaryExposure);
        }
        if (!(baselineEvents >= 0) || !(canaryEvents >= 0)) {
            throw new IllegalArgumentException("rate comparison needs event counts of at least 0, but has "
                    + baselineEvents + " and " + canaryEvents);
        }
        long canaryCount = Math.round(canaryEvents);
        long totalCount = canaryCount + Math.round(baselineEvents);
        if (totalCount == 0) {
            return new RateComparison(baselineEvents, baselineExposure, canaryEvents, canaryExposure, 1, 1);
        }
        double share = canaryExposure / (canaryExposure + baselineExposure);
        if (totalCount > 10_000_000L) {
            // Beyond ten million events the binomial is normal to far better than the test needs, and its
            // exact form would overflow int trial counts.
            double mean = totalCount * share;
            double sd = Math.sqrt(totalCount * share * (1 - share));
            double z = (canaryCount - mean) / sd;
            return new RateComparison(baselineEvents, baselineExposure, canaryEvents, canaryExposure,
                    clamp(Normal.upperTail(z - 0.5 / sd)), clamp(Normal.cdf(z + 0.5 / sd)));
        }
        int canary = (int) canaryCount;
        int total = (int) totalCount;
        var binomial = new BinomialDistribution(null, total, share);
        double higher = canary == 0 ? 1 : 1 - binomial.cumulativeProbability(canary - 1);
        double lower = binomial.cumulativeProbability(canary);
        return new RateComparison(baselineEvents, baselineExposure, canaryEvents, canaryExposure,
                clamp(higher), clamp(lower));
    }

    /** The baseline's rate. */
    public double baselineRate() {
        return baselineEvents / baselineExposure;
    }

    /** The canary's rate. */
    public double canaryRate() {
        return canaryEvents / canaryExposure;
    }

    /** The canary's rate minus the baseline's. */
    public double difference() {
        return canaryRate() - baselineRate();
    }

    /** The standard error of the difference (Wald, with half an event added to empty sides so it is never 0). */
    public double standardError() {
        double pc = (canaryEvents + 0.5) / (canaryExposure + 1);
        double pb = (baselineEvents + 0.5) / (baselineExposure + 1);
        return Math.sqrt(pc * (1 - pc) / canaryExposure + pb * (1 - pb) / baselineExposure);
    }

    private static double clamp(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
