package io.aidevops.ai.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t test of "x has the larger mean", reported as a z score with the same upper-tail
 * probability so every test of the judge speaks the same unit.
 *
 * @param meanX mean of x
 * @param meanY mean of y
 * @param t the t statistic
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom
 * @param pHigher one-sided p-value of "x has the larger mean"
 */
public record WelchTest(double meanX, double meanY, double t, double degreesOfFreedom, double pHigher) {

    /** Compares the means of {@code x} and {@code y} (each at least two values). */
    public static WelchTest of(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("Welch's test needs two values per side, but has " + x.length
                    + " and " + y.length);
        }
        double mx = mean(x);
        double my = mean(y);
        double vx = variance(x, mx) / x.length;
        double vy = variance(y, my) / y.length;
        double se = Math.sqrt(vx + vy);
        if (se == 0) {
            double p = mx > my ? 0 : mx == my ? 0.5 : 1;
            return new WelchTest(mx, my, mx > my ? Double.POSITIVE_INFINITY : mx == my ? 0
                    : Double.NEGATIVE_INFINITY, Double.NaN, p);
        }
        double t = (mx - my) / se;
        double df = (vx + vy) * (vx + vy)
                / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        double p = 1 - new TDistribution(null, Math.max(1, df)).cumulativeProbability(t);
        return new WelchTest(mx, my, t, df, p);
    }

    /** The one-sided p-value expressed as a z score. */
    public double z() {
        return Normal.zOfUpperTail(pHigher);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
