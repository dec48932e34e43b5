package io.aidevops.deploy.metrics;

import io.aidevops.ai.metrics.PrometheusText;

import java.util.List;

/**
 * The quantile of a cumulative histogram, computed the way PromQL's {@code histogram_quantile} does, so that pod
 * scraping and Prometheus give comparable numbers: find the bucket holding the rank {@code q × total} and
 * interpolate linearly inside it, the first bucket starting at 0; a rank in the {@code +Inf} bucket answers the
 * largest finite bound.
 */
final class HistogramQuantile {

    private HistogramQuantile() {
    }

    /**
     * @param q the quantile, 0 to 1
     * @param buckets cumulative counts sorted by upper bound, the last being {@code +Inf}
     * @return the estimate; NaN without observations, without a {@code +Inf} bucket or with fewer than two buckets
     */
    static double of(double q, List<PrometheusText.Bucket> buckets) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        int n = buckets.size();
        if (n < 2 || buckets.get(n - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double total = buckets.get(n - 1).cumulativeCount();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        int b = 0;
        while (b < n - 1 && buckets.get(b).cumulativeCount() < rank) {
            b++;
        }
        if (b == n - 1) {
            return buckets.get(n - 2).upperBound();
        }
        double upper = buckets.get(b).upperBound();
        if (b == 0 && upper <= 0) {
            return upper;
        }
        double lower = b == 0 ? 0 : buckets.get(b - 1).upperBound();
        double below = b == 0 ? 0 : buckets.get(b - 1).cumulativeCount();
        double inBucket = buckets.get(b).cumulativeCount() - below;
        if (inBucket <= 0) {
            return upper;
        }
        return lower + (upper - lower) * ((rank - below) / inBucket);
    }
}
