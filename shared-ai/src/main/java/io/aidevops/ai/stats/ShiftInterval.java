package io.aidevops.ai.stats;

/**
 * The Hodges-Lehmann estimate of the shift between two samples and its distribution-free confidence interval: the
 * median and the matching order statistics of all n * m differences {@code x_i - y_j}, found without listing them.
 *
 * <p>Both samples are sorted, so the number of differences at or below a value is counted in one pass, and each
 * order statistic is located by a safeguarded interpolation search on the value until at most a few thousand
 * differences remain between the bounds; those are listed and the order statistic selected among them exactly.
 * (Bisecting all the way, 52 halvings to the resolution of a double, costs ten times as many passes.)
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
        // The three searches share what each counting pass learnt, so the later ones start from a narrow bracket.
        var probes = new Probes(x, y);
        seed(x, y, z, probes);
        double lowerMedian = kth(x, y, (pairs + 1) / 2, probes);
        double estimate = pairs % 2 == 1 ? lowerMedian : (lowerMedian + next(x, y, lowerMedian, probes, pairs / 2)) / 2;
        return new ShiftInterval(estimate, kth(x, y, lowRank, probes), kth(x, y, highRank, probes), confidence);
    }

    /**
     * Counts at the values where the three order statistics are expected: the difference of the medians, and that
     * plus or minus z standard errors of a normal shift estimate (from the pooled interquartile range). Three passes
     * that usually leave each search a bracket of a few per cent of the pairs instead of all of them.
     */
    private static void seed(double[] x, double[] y, double z, Probes probes) {
        if (x.length < 8 || y.length < 8) {
            return;
        }
        double centre = quantile(x, 0.5) - quantile(y, 0.5);
        double spread = ((quantile(x, 0.75) - quantile(x, 0.25)) + (quantile(y, 0.75) - quantile(y, 0.25))) / 2
                / 1.349;
        double se = spread * Math.sqrt(1.0 / x.length + 1.0 / y.length);
        probes.countAtMost(centre);
        if (se > 0) {
            probes.countAtMost(centre - 1.1 * z * se);
            probes.countAtMost(centre + 1.1 * z * se);
        }
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) h;
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** The k-th smallest (1-based) of the differences x_i - y_j. */
    static double kth(double[] x, double[] y, long k) {
        return kth(x, y, k, new Probes(x, y));
    }

    /**
     * The (k+1)-th smallest difference given that {@code value} is the k-th: {@code value} itself if it repeats,
     * else the smallest difference above it, found in one pass.
     */
    private static double next(double[] x, double[] y, double value, Probes probes, long k) {
        if (probes.countAtMost(value) > k) {
            return value;
        }
        double smallest = Double.POSITIVE_INFINITY;
        int j = y.length - 1;
        // For each x_i the smallest difference above value comes from the largest y_j with x_i - y_j > value; as
        // x_i grows that y_j moves right, so walk it with one pointer from the left.
        int last = -1;
        for (double xi : x) {
            while (last + 1 <= j && xi - y[last + 1] > value) {
                last++;
            }
            if (last >= 0) {
                smallest = Math.min(smallest, xi - y[last]);
            }
        }
        return smallest;
    }

    /** Counts already taken at some values: the tightest bracket of a rank is known before any new pass. */
    private static final class Probes {
        private final double[] x;
        private final double[] y;
        private final double[] values = new double[4 * HALVINGS];
        private final long[] counts = new long[4 * HALVINGS];
        private int size;

        Probes(double[] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        long countAtMost(double value) {
            for (int i = 0; i < size; i++) {
                if (values[i] == value) {
                    return counts[i];
                }
            }
            long count = ShiftInterval.countAtMost(x, y, value);
            if (size < values.length) {
                values[size] = value;
                counts[size++] = count;
            }
            return count;
        }

        /** The largest probed value with fewer than k differences at or below it, or {@code fallback}. */
        double below(long k, double fallback) {
            double best = fallback;
            for (int i = 0; i < size; i++) {
                if (counts[i] < k && values[i] > best) {
                    best = values[i];
                }
            }
            return best;
        }

        /** The smallest probed value with at least k differences at or below it, or {@code fallback}. */
        double atLeast(long k, double fallback) {
            double best = fallback;
            for (int i = 0; i < size; i++) {
                if (counts[i] >= k && values[i] < best) {
                    best = values[i];
                }
            }
            return best;
        }
    }

    private static double kth(double[] x, double[] y, long k, Probes probes) {
        double min = x[0] - y[y.length - 1];
        double max = x[x.length - 1] - y[0];
        long belowMin = probes.countAtMost(min);
        if (belowMin >= k) {
            return min;
        }
        double low = probes.below(k, min);
        double high = probes.atLeast(k, max);
        long belowLow = probes.countAtMost(low);
        long belowHigh = probes.countAtMost(high);
        // Enough to make listing cheap, few enough that the passes of the bisection dominate.
        long window = (x.length + y.length) / 2 + 16;
        // Invariant: belowLow = #differences <= low < k <= belowHigh = #differences <= high.
        // Each step aims where the count, taken as linear between the bounds, reaches k (it nearly is, once the
        // bounds are close), or halves when aiming did not at least halve the window: a few passes, not dozens.
        boolean aim = true;
        for (int step = 0; step < HALVINGS && high > low && belowHigh - belowLow > window; step++) {
            long before = belowHigh - belowLow;
            double share = aim ? (k - belowLow - 0.5) / before : 0.5;
            double middle = low + (high - low) * Math.min(0.99, Math.max(0.01, share));
            if (middle <= low || middle >= high) {
                middle = low + (high - low) / 2;
                if (middle <= low || middle >= high) {
                    break;
                }
            }
            long count = probes.countAtMost(middle);
            if (count >= k) {
                high = middle;
                belowHigh = count;
            } else {
                low = middle;
                belowLow = count;
            }
            aim = 2 * (belowHigh - belowLow) <= before;
        }
        if (belowHigh - belowLow > window) {
            // Ties: more differences than the window share (low, high], which has shrunk to nothing.
            return high;
        }
        double[] candidates = between(x, y, low, high, (int) (belowHigh - belowLow));
        return select(candidates, (int) (k - belowLow - 1));
    }

    /** The {@code count} differences in (low, high]: for each x_i, the y_j in [x_i - high, x_i - low). */
    private static double[] between(double[] x, double[] y, double low, double high, int count) {
        double[] result = new double[count];
        int size = 0;
        int from = 0;
        int to = 0;
        for (double xi : x) {
            // Both bounds move right as x_i grows. The differences themselves are compared, as countAtMost compares
            // them, so both count the same ones whatever the rounding of x_i - high would be.
            while (from < y.length && xi - y[from] > high) {
                from++;
            }
            while (to < y.length && xi - y[to] > low) {
                to++;
            }
            for (int j = from; j < to && size < count; j++) {
                result[size++] = xi - y[j];
            }
        }
        return size == count ? result : java.util.Arrays.copyOf(result, size);
    }

    /** The {@code index}-th smallest (0-based) of {@code values}, which it reorders (Hoare's selection). */
    private static double select(double[] values, int index) {
        int left = 0;
        int right = values.length - 1;
        int target = Math.min(Math.max(index, 0), right);
        while (left < right) {
            double pivot = values[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                right = j;
            } else if (target >= i) {
                left = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }

    /** How many differences x_i - y_j are at most {@code d}: for each x_i, the y_j at or above x_i - d. */
    static long countAtMost(double[] x, double[] y, double d) {
        long count = 0;
        int j = y.length;
        // As x_i grows, the first y_j with x_i - y_j <= d moves right; walk it from the left with one pointer.
        int first = 0;
        for (double xi : x) {
            while (first < j && xi - y[first] > d) {
                first++;
            }
            count += j - first;
        }
        return count;
    }
}
