package io.aidevops.ai.canary;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The asymptotic Mann-Whitney (Wilcoxon rank-sum) confidence interval for the shift between two samples, computed
 * the way Kayenta's {@code MannWhitney} computes it, which follows R's
 * {@code wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE)}.
 *
 * <p>For a shift {@code mu} the pooled sample {@code {x_i - mu} U {y_j}} is ranked with average ranks for ties;
 * {@code W(mu)} is the canary's rank sum minus its minimum and minus half of {@code n_x n_y}, and
 * {@code Z(mu) = (W - sign(W) / 2) / sigma} with the tie-corrected sigma. The interval's ends are the shifts where
 * {@code Z} crosses {@code +-z_(1 - alpha/2)}, the estimate is where it crosses 0. Unlike R, Kayenta keeps the
 * continuity correction for the estimate too, so the estimate is a point of the flat region where
 * {@code |W| <= 1/2}, not exactly the median of the pairwise differences.
 *
 * <p>The roots are found with {@link ZeroIn}, the Brent iteration R and Kayenta use, started with the same end points
 * and function values. The solver matters: {@code Z} is a step function, so the returned point depends on its
 * iterates (for the estimate anywhere in the flat region where {@code Z} is 0), and only the same iteration on the
 * same function values gives Kayenta's numbers.
 *
 * <p>{@code Z(mu)} only changes at pairwise differences {@code x_i - y_j}. Instead of ranking the pooled sample
 * anew for every {@code mu} (O(n log n) per evaluation, as Kayenta does), both samples are sorted once and each
 * evaluation merges them in O(n). Subtracting {@code mu} from every canary value in floating point, as Kayenta does,
 * keeps the sorted order and yields bit for bit the same ties, rank sums and therefore the same {@code Z}.
 */
final class RankSumInterval {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final double[] canary;
    private final double[] baseline;
    /** Scratch space for the shifted canary: one evaluation at a time, so an instance is not thread-safe. */
    private final double[] shifted;
    private final double nx;
    private final double ny;

    /**
     * The result of one interval computation.
     *
     * @param lower lower end of the interval for the shift canary - baseline
     * @param upper upper end
     * @param estimate the shift where {@code Z} crosses 0
     * @param z {@code Z(0)}: the continuity-corrected, tie-corrected normal score at no shift (positive when the
     *        canary is higher)
     */
    record Result(double lower, double upper, double estimate, double z) {

        /** The two-sided p-value of {@code z} under the normal approximation. */
        double pValue() {
            return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        }
    }

    private RankSumInterval(double[] canary, double[] baseline) {
        this.canary = canary.clone();
        this.baseline = baseline.clone();
        Arrays.sort(this.canary);
        Arrays.sort(this.baseline);
        shifted = new double[canary.length];
        nx = canary.length;
        ny = baseline.length;
    }

    /**
     * Computes the interval and estimate of the shift canary - baseline.
     *
     * @param canary the canary's values (Kayenta's experiment, R's {@code x}), at least one, no NaN
     * @param baseline the baseline's values (Kayenta's control, R's {@code y}), at least one, no NaN
     * @param confidenceLevel for example 0.98
     * @throws IllegalStateException if every pooled value is tied at some shift (sigma is 0), like Kayenta
     */
    static Result compute(double[] canary, double[] baseline, double confidenceLevel) {
        return new RankSumInterval(canary, baseline).solve(confidenceLevel);
    }

    /** {@code Z(mu)}: what Kayenta's {@code wilcoxonDiff(mu, 0)} returns. Visible for tests. */
    static double z(double[] canary, double[] baseline, double mu) {
        return new RankSumInterval(canary, baseline).standardized(mu, 0);
    }

    private Result solve(double confidenceLevel) {
        double alpha = 1.0 - confidenceLevel;
        double muMin = canary[0] - baseline[baseline.length - 1];
        double muMax = canary[canary.length - 1] - baseline[0];
        // Kayenta's quantile: Phi^-1(alpha / 2), negative; the lower end solves for its negation.
        double quantile = STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2);
        double lower = root(-quantile, muMin, muMax);
        double upper = root(quantile, muMin, muMax);
        // Kayenta solves for the estimate without clamping to the ends.
        double estimate = ZeroIn.solve(muMin, muMax, standardized(muMin, 0), standardized(muMax, 0),
                mu -> standardized(mu, 0));
        return new Result(lower, upper, estimate, standardized(0, 0));
    }

    /** One end of the interval; clamped to the search range when {@code Z} does not cross inside it. */
    private double root(double quantile, double muMin, double muMax) {
        // Both ends are evaluated first, as in Kayenta, so that either can raise the all-tied error.
        double fLower = standardized(muMin, quantile);
        double fUpper = standardized(muMax, quantile);
        if (fLower <= 0) {
            return muMin;
        }
        if (fUpper >= 0) {
            return muMax;
        }
        return ZeroIn.solve(muMin, muMax, fLower, fUpper, mu -> standardized(mu, quantile));
    }

    /** {@code Z(mu) - quantile}, with Kayenta's order of floating-point operations. */
    private double standardized(double mu, double quantile) {
        double[] merged = merge(mu);
        double dz = merged[0];
        double tieSum = merged[1];
        double correction = Math.signum(dz) * 0.5;
        double sigma = Math.sqrt((nx * ny / 12) * ((nx + ny + 1) - tieSum / ((nx + ny) * (nx + ny - 1))));
        if (sigma == 0) {
            throw new IllegalStateException("cannot compute confidence interval when all observations are tied");
        }
        return (dz - correction) / sigma - quantile;
    }

    /**
     * Merges the shifted canary with the baseline: returns {@code W(mu)} and {@code sum(t^3 - t)} over tie groups.
     *
     * <p>Kayenta ranks with commons-math3's {@code NaturalRanking}, which orders and ties by {@code Double.compare}:
     * -0.0 sorts below 0.0 and is not tied with it. Hence the order falls back to {@code Double.compare} when the
     * primitive comparison cannot tell, and tie groups are runs of equal bits.
     */
    private double[] merge(double mu) {
        double[] x = shifted;
        for (int k = 0; k < x.length; k++) {
            x[k] = canary[k] - mu;
        }
        double[] y = baseline;
        int i = 0;
        int j = 0;
        int below = 0;
        double rankSum = 0;
        double tieSum = 0;
        while (i < x.length || j < y.length) {
            int order;
            if (j == y.length) {
                order = -1;
            } else if (i == x.length) {
                order = 1;
            } else {
                order = x[i] < y[j] ? -1 : y[j] < x[i] ? 1 : Double.compare(x[i], y[j]);
            }
            int fromCanary = 0;
            if (order <= 0) {
                long bits = Double.doubleToRawLongBits(x[i]);
                do {
                    fromCanary++;
                    i++;
                } while (i < x.length && Double.doubleToRawLongBits(x[i]) == bits);
            }
            int fromBaseline = 0;
            if (order >= 0) {
                long bits = Double.doubleToRawLongBits(y[j]);
                do {
                    fromBaseline++;
                    j++;
                } while (j < y.length && Double.doubleToRawLongBits(y[j]) == bits);
            }
            int ties = fromCanary + fromBaseline;
            // The average rank of positions below + 1 .. below + ties is a half-integer, so the sum is exact.
            rankSum += fromCanary * (below + (ties + 1) / 2.0);
            if (ties > 1) {
                // Exact in double (t^3 < 2^53), hence equal to Kayenta's Math.pow(t, 3) - t.
                double t = ties;
                tieSum += t * t * t - t;
            }
            below += ties;
        }
        return new double[] {rankSum - nx * (nx + 1) / 2 - nx * ny / 2, tieSum};
    }

}
