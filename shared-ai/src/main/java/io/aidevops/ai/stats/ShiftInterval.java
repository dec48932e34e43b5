package io.aidevops.ai.stats;

/**
 * The Hodges-Lehmann estimate of the shift between two samples and its distribution-free confidence interval: the
 * median and the matching order statistics of all n * m differences {@code x_i - y_j}, found without listing them.
 *
 * <p>Both samples are sorted, so the number of differences at or below a value is counted in one pass, and each
 * order statistic is located by bisection on the value; 52 halvings reach the resolution of a double.
 *
 * @param estimate the median of the differences
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 * @param confidence the interval's two-sided confidence
 */
public record ShiftInterval(double estimate, double lower, double upper, double confidence) {

    private static final int HALVINGS = 52;

    /**
     * The shift of {@code x} against {@code y}.
     *
     * @param x ascending values, at least one
     * @param y ascending values, at least one
     * @param sigma the rank sum's tie-corrected standard deviation (see {@link RankSum})
     * @param confidence two-sided confidence of the interval, in (0, 1)
     */
    public static ShiftInterval of(double[] x, double[] y, double sigma, double confidence) {
        long pairs = (long) x.length * y.length;
        double z = Normal.quantile(0.5 + confidence / 2);
        double half = z * sigma;
        // Order statistics (1-based) of the differences that bound the interval, from the normal approximation.
        long lowRank = Math.max(1, (long) Math.floor(pairs / 2.0 - half));
        long highRank = Math.min(pairs, pairs - lowRank + 1);
        double estimate = pairs % 2 == 1 ? kth(x, y, (pairs + 1) / 2)
                : (kth(x, y, pairs / 2) + kth(x, y, pairs / 2 + 1)) / 2;
        return new ShiftInterval(estimate, kth(x, y, lowRank), kth(x, y, highRank), confidence);
    }

    /** The k-th smallest (1-based) of the differences x_i - y_j. */
    static double kth(double[] x, double[] y, long k) {
        double low = x[0] - y[y.length - 1];
        double high = x[x.length - 1] - y[0];
        if (countAtMost(x, y, low) >= k) {
            return low;
        }
        // Invariant: fewer than k differences are <= low, at least k are <= high.
        for (int step = 0; step < HALVINGS && high > low; step++) {
            double middle = low + (high - low) / 2;
            if (middle <= low || middle >= high) {
                break;
            }
            if (countAtMost(x, y, middle) >= k) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** How many differences x_i - y_j are at most {@code d}: for each x_i, the y_j at or above x_i - d. */
    static long countAtMost(double[] x, double[] y, double d) {
        long count = 0;
        int j = y.length;
        // As x_i grows, the first y_j >= x_i - d moves right; walk it from the left with one pointer.
        int first = 0;
        for (double xi : x) {
            double bound = xi - d;
            while (first < j && y[first] < bound) {
                first++;
            }
            count += j - first;
        }
        return count;
    }
}
