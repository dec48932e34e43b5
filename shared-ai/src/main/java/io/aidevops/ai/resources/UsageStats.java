package io.aidevops.ai.resources;

import java.time.Duration;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles of the samples of one resource over all pods, in the samples' unit (cores or bytes). R-7
 * interpolation, the default of R and NumPy, so the numbers match what users get from their own tools.
 *
 * @param samples how many samples, all pods together
 * @param span time from the first to the last sample of the longest pod series
 * @param p50 median (NaN without samples)
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the largest sample
 */
public record UsageStats(int samples, Duration span, double p50, double p90, double p95, double p99, double max) {

    /** The statistics of {@code kind} over {@code pods}. */
    static UsageStats of(List<PodUsage> pods, ResourceKind kind, Duration interval) {
        int total = 0;
        int longest = 0;
        for (PodUsage pod : pods) {
            total += pod.samples(kind).length;
            longest = Math.max(longest, pod.samples(kind).length);
        }
        double[] pooled = new double[total];
        int at = 0;
        for (PodUsage pod : pods) {
            double[] values = pod.samples(kind);
            System.arraycopy(values, 0, pooled, at, values.length);
            at += values.length;
        }
        Duration span = longest < 2 ? Duration.ZERO : interval.multipliedBy(longest - 1);
        if (total == 0) {
            return new UsageStats(0, span, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(pooled);
        double max = Double.NEGATIVE_INFINITY;
        for (double value : pooled) {
            max = Math.max(max, value);
        }
        return new UsageStats(total, span, percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(95),
                percentile.evaluate(99), max);
    }
}
