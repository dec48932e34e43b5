package io.aidevops.ai.stats;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution, through commons-math3's error function (no object per call). */
public final class Normal {

    private static final double SQRT2 = Math.sqrt(2);
    private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

    private Normal() {
    }

    /** P(Z &lt;= z). */
    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** P(Z &gt; z), accurate far into the upper tail. */
    public static double upperTail(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    /** The z with P(Z &lt;= z) = p. */
    public static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** The z whose upper tail is {@code p}: how far a one-sided test statistic must reach at level p. */
    public static double criticalValue(double p) {
        return -quantile(p);
    }

    /** The z of a one-sided p-value (large z for small p), clamped to +-40 for p of 0 or 1. */
    public static double zOfUpperTail(double p) {
        if (p <= 0) {
            return 40;
        }
        if (p >= 1) {
            return -40;
        }
        return -quantile(p);
    }
}
