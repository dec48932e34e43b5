package io.aidevops.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.aidevops.ai.metrics.PrometheusText;
import org.junit.jupiter.api.Test;

class HistogramQuantileTest {

    @Test
    void quantileInterpolatesInsideTheBucketLikeHistogramQuantile() {
        List<PrometheusText.Bucket> buckets = List.of(new PrometheusText.Bucket(0.1, 50),
                new PrometheusText.Bucket(0.2, 90), new PrometheusText.Bucket(0.4, 100),
                new PrometheusText.Bucket(Double.POSITIVE_INFINITY, 100));
        // Rank 50 is the top of the first bucket; rank 70 half-way through the second; rank 99 in the third.
        assertThat(HistogramQuantile.of(0.5, buckets)).isCloseTo(0.1, within(1e-12));
        assertThat(HistogramQuantile.of(0.7, buckets)).isCloseTo(0.15, within(1e-12));
        assertThat(HistogramQuantile.of(0.99, buckets)).isCloseTo(0.38, within(1e-12));
        assertThat(HistogramQuantile.of(0.25, buckets)).isCloseTo(0.05, within(1e-12));

        List<PrometheusText.Bucket> slowTail = List.of(new PrometheusText.Bucket(1, 10),
                new PrometheusText.Bucket(Double.POSITIVE_INFINITY, 100));
        assertThat(HistogramQuantile.of(0.99, slowTail)).as("in +Inf: the largest finite bound").isEqualTo(1);
        assertThat(HistogramQuantile.of(0.5, List.of(new PrometheusText.Bucket(1, 0),
                new PrometheusText.Bucket(Double.POSITIVE_INFINITY, 0)))).isNaN();
        assertThat(HistogramQuantile.of(0.5, List.of(new PrometheusText.Bucket(1, 3)))).isNaN();
    }
}
