package io.aidevops.monitor.anomaly;

import io.aidevops.monitor.metric.Sample;
import io.aidevops.monitor.metric.SeriesKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnomalyPipelineTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final SeriesKey LATENCY = new SeriesKey("shop-ns", "shop", "latency_mean", new TreeMap<>());

    /**
     * The baseline detector at 0.9, named rather than {@code Detectors.DEFAULT}: these tests are about the pipeline,
     * and the default detector (and its calibrated threshold) is being replaced in shared-ai.
     */
    private static final PipelineSettings EWMA = PipelineSettings.defaults().withDetector("ewma-z");

    private final AnomalyPipeline pipeline = new AnomalyPipeline(EWMA);

    private static Sample point(SeriesKey series, int i, double value) {
        return new Sample(series, START.plus(Duration.ofSeconds(15L * i)), value);
    }

    /** 40 ms with 1 ms noise for 200 points, then 80 ms: a simulated latency series with one level shift. */
    private static List<Double> levelShift(long seed) {
        Random random = new Random(seed);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add((i < 200 ? 0.040 : 0.080) + random.nextGaussian() * 0.001);
        }
        return values;
    }

    @Test
    void levelShiftIsOneAnomalyAtTheShift() {
        List<Double> values = levelShift(7);
        List<Integer> anomalies = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            PointOutcome outcome = pipeline.accept(point(LATENCY, i, values.get(i)));
            assertThat(outcome).isInstanceOf(PointOutcome.Scored.class);
            if (((PointOutcome.Scored) outcome).anomalous()) {
                anomalies.add(i);
            }
        }

        assertThat(anomalies).singleElement().satisfies(i -> assertThat(i).isBetween(200, 205));
        assertThat(pipeline.scoredPoints()).isEqualTo(300);
        assertThat(pipeline.seriesCount()).isEqualTo(1);
        assertThat(pipeline.skipped()).isEqualTo(SkippedPoints.NONE);
    }

    @Test
    void steadySeriesIsNeverAnomalous() {
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            PointOutcome outcome = pipeline.accept(point(LATENCY, i, 0.040 + random.nextGaussian() * 0.001));
            assertThat(((PointOutcome.Scored) outcome).anomalous()).as("point %d", i).isFalse();
        }
    }

    @Test
    void thresholdIsAParameter() {
        AnomalyPipeline strict = new AnomalyPipeline(EWMA.withThreshold(0.999999));
        List<Double> values = levelShift(7);
        long anomalies = 0;
        for (int i = 0; i < 205; i++) {
            anomalies += ((PointOutcome.Scored) strict.accept(point(LATENCY, i, values.get(i)))).anomalous() ? 1 : 0;
        }
        // The same shift scores below a threshold set that high for the first points after it.
        AnomalyPipeline lenient = new AnomalyPipeline(EWMA.withThreshold(0.5));
        long lenientAnomalies = 0;
        for (int i = 0; i < 205; i++) {
            lenientAnomalies += ((PointOutcome.Scored) lenient.accept(point(LATENCY, i, values.get(i)))).anomalous()
                    ? 1 : 0;
        }
        assertThat(lenientAnomalies).isGreaterThanOrEqualTo(anomalies).isPositive();
    }

    @Test
    void badPointsAreSkippedAndCountedNeverScored() {
        List<Double> values = levelShift(11);
        for (int i = 0; i < 100; i++) {
            pipeline.accept(point(LATENCY, i, values.get(i)));
        }

        assertThat(pipeline.accept(point(LATENCY, 100, Double.NaN))).isEqualTo(
                new PointOutcome.Skipped(LATENCY, PointOutcome.Reason.NOT_A_NUMBER));
        assertThat(pipeline.accept(point(LATENCY, 100, Double.POSITIVE_INFINITY))).isEqualTo(
                new PointOutcome.Skipped(LATENCY, PointOutcome.Reason.INFINITE));
        assertThat(pipeline.accept(point(LATENCY, 100, Double.NEGATIVE_INFINITY))).isEqualTo(
                new PointOutcome.Skipped(LATENCY, PointOutcome.Reason.INFINITE));
        assertThat(pipeline.accept(point(LATENCY, 99, 0.04))).as("repeat of the last time").isEqualTo(
                new PointOutcome.Skipped(LATENCY, PointOutcome.Reason.NON_MONOTONIC));
        assertThat(pipeline.accept(point(LATENCY, 50, 0.04))).as("back in time").isEqualTo(
                new PointOutcome.Skipped(LATENCY, PointOutcome.Reason.NON_MONOTONIC));
        // A value the detector would find absurd, but in the past: skipped, so no alert.
        assertThat(pipeline.accept(point(LATENCY, 10, 1e9))).isInstanceOf(PointOutcome.Skipped.class);

        assertThat(pipeline.skipped()).isEqualTo(new SkippedPoints(1, 2, 3));
        assertThat(pipeline.skipped().total()).isEqualTo(6);
        assertThat(pipeline.scoredPoints()).isEqualTo(100);
        assertThat(pipeline.accept(point(LATENCY, 100, values.get(100)))).isInstanceOf(PointOutcome.Scored.class);
    }

    @Test
    void eachSeriesHasItsOwnDetectorAndABoundedRingOfRecentValues() {
        AnomalyPipeline small = new AnomalyPipeline(EWMA.withRecentValues(3));
        SeriesKey pod1 = new SeriesKey("ns", "shop", "memory", new TreeMap<>(Map.of("pod", "shop-1")));
        SeriesKey pod2 = new SeriesKey("ns", "shop", "memory", new TreeMap<>(Map.of("pod", "shop-2")));
        for (int i = 0; i < 1000; i++) {
            small.accept(point(pod1, i, i));
            small.accept(point(pod2, i, -i));
        }

        assertThat(small.seriesCount()).isEqualTo(2);
        assertThat(small.recentValues(pod1)).containsExactly(997f, 998f, 999f);
        assertThat(small.recentValues(pod2)).containsExactly(-997f, -998f, -999f);
        assertThat(small.recentValues(LATENCY)).isEmpty();
    }

    @Test
    void idleSeriesAreForgotten() {
        SeriesKey gone = new SeriesKey("ns", "old", "cpu", new TreeMap<>());
        pipeline.accept(point(gone, 0, 1));
        pipeline.accept(point(LATENCY, 0, 1));
        pipeline.accept(point(LATENCY, 300, 1));

        assertThat(pipeline.forgetIdle(START.plus(Duration.ofMinutes(61)))).containsExactly(gone);
        assertThat(pipeline.seriesCount()).isEqualTo(1);
        assertThat(pipeline.lastPoint(LATENCY)).contains(START.plus(Duration.ofSeconds(15 * 300)));
    }

    @Test
    void pointsSinceAnomalyCountQuietPoints() {
        List<Double> values = levelShift(7);
        PointOutcome.Scored last = null;
        for (int i = 0; i < 230; i++) {
            last = (PointOutcome.Scored) pipeline.accept(point(LATENCY, i, values.get(i)));
        }
        assertThat(last.pointsSinceAnomaly()).isBetween(24L, 29L);
    }

    @Test
    void detectorOutsideItsContractIsClampedNotTrusted() {
        AnomalyPipeline broken = new AnomalyPipeline(EWMA, () -> (time, value) -> value);
        assertThat(((PointOutcome.Scored) broken.accept(point(LATENCY, 0, Double.MAX_VALUE))).score()).isEqualTo(1);
        assertThat(((PointOutcome.Scored) broken.accept(point(LATENCY, 1, -5))).score()).isZero();
    }

    @Test
    void unknownDetectorIsRefusedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() -> PipelineSettings.defaults().withDetector("psychic"))
                .withMessageContaining("unknown detector 'psychic'");
        assertThatIllegalArgumentException().isThrownBy(() -> PipelineSettings.defaults().withThreshold(0))
                .withMessageContaining("threshold");
    }
}
