package io.aidevops.ai.canary;

import java.util.Arrays;

/**
 * Descriptive statistics of one side of a metric, for the evidence table.
 *
 * @param count number of values
 * @param mean arithmetic mean (NaN when empty)
 * @param median median (NaN when empty)
 * @param p95 95th percentile, R-7 interpolation (NaN when empty)
 * @param min smallest value (NaN when empty)
 * @param max largest value (NaN when empty)
 * @param std sample standard deviation (NaN with fewer than two values)
 */
public record SeriesSummary(int count, double mean, double median, double p95, double min, double max, double std) {

    /** The summary of {@code values} (NaN values are missing and ignored). */
    public static SeriesSummary of(double[] values) {
        return ofSorted(Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray());
    }

    /**
     * The summary of values that are already ascending and free of NaN: no copy, no sort (a judge has sorted them
     * for its tests anyway).
     */
    public static SeriesSummary ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return new SeriesSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        return new SeriesSummary(n, mean, quantileOfSorted(sorted, 0.5), quantileOfSorted(sorted, 0.95), sorted[0],
                sorted[n - 1], std);
    }

    /**
     * The {@code p} quantile of sorted values by linear interpolation between order statistics (R's type 7, the
     * default of R and NumPy).
     *
     * @param sorted ascending values, at least one
     * @param p in [0, 1]
     */
    public static double quantileOfSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
