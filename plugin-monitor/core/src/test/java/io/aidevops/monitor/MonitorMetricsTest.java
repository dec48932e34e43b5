package io.aidevops.monitor;

import io.aidevops.cluster.WorkloadBehaviour;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.anomaly.PipelineSettings;
import io.aidevops.monitor.anomaly.SkippedPoints;
import io.aidevops.monitor.metric.MetricResult;
import io.aidevops.monitor.metric.MetricSource;
import io.aidevops.monitor.metric.PodScrapeSource;
import io.aidevops.monitor.metric.Sample;
import io.aidevops.monitor.metric.SeriesKey;
import io.aidevops.monitor.metric.Workload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Metric collection through the monitor: sources, the pipeline and anomaly alerts, on a stepped clock. */
class MonitorMetricsTest {

    private final MonitoredCluster cluster = new MonitoredCluster();
    private final RecordingSink sink = new RecordingSink();
    private Monitor monitor;

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        cluster.close();
    }

    /** A source answering from a function of workload and pass number. */
    private static final class ScriptedSource implements MetricSource {
        private final BiFunction<Workload, Integer, MetricResult> script;
        private int pass;

        ScriptedSource(BiFunction<Workload, Integer, MetricResult> script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public MetricResult collect(Workload workload, Instant now) {
            return script.apply(workload, pass++);
        }
    }

    private Monitor start(List<MetricSource> sources) {
        return start(sources, io.aidevops.monitor.forecast.ForecastSettings.defaults());
    }

    /** Forecast settings of the tests. */
    private static final class ForecastSettingsFor {
        static io.aidevops.monitor.forecast.ForecastSettings memoryLimit(double bytes) {
            return new io.aidevops.monitor.forecast.ForecastSettings(Duration.ofHours(1),
                    java.util.Map.of("memory", bytes));
        }
    }

    private Monitor start(List<MetricSource> sources, io.aidevops.monitor.forecast.ForecastSettings forecast) {
        cluster.deploy("shop", "shop:1", 1);
        // The baseline detector by name: the default (and its calibrated threshold) is being replaced in shared-ai.
        monitor = new Monitor(cluster.client(), sources, sink, MonitorSettings.defaults()
                .withPipeline(PipelineSettings.defaults().withDetector("ewma-z")).withForecast(forecast),
                cluster.clock());
        monitor.start();
        return monitor;
    }

    private void passes(int count) {
        for (int i = 0; i < count; i++) {
            cluster.clock().advance(Duration.ofSeconds(15));
            monitor.collect(cluster.now());
        }
    }

    private static MetricResult latency(Workload workload, double value, Instant at) {
        return new MetricResult.Samples(List.of(new Sample(SeriesKey.of(workload, "latency_mean"), at, value)),
                List.of());
    }

    @Test
    void levelShiftRaisesOneAnomalyAlertWithEvidenceThatResolvesWhenQuiet() {
        Random random = new Random(5);
        start(List.of(new ScriptedSource((workload, pass) -> latency(workload,
                (pass < 120 ? 0.040 : 0.090) + random.nextGaussian() * 0.001, cluster.now()))));

        passes(200);

        assertThat(sink.raised(AlertKind.METRIC_ANOMALY)).singleElement().satisfies(alert -> {
            assertThat(alert.workload()).isEqualTo("shop");
            assertThat(alert.subject()).isEqualTo("latency_mean");
            assertThat(alert.evidence().series()).isEqualTo("default/shop latency_mean");
            assertThat(alert.evidence().score()).isGreaterThanOrEqualTo(0.9);
            assertThat(alert.evidence().recentValues()).hasSize(60).last().satisfies(value ->
                    assertThat(value).isGreaterThan(0.08f));
            assertThat(alert.evidence().explanation()).contains("median of 0.04");
            assertThat(alert.evidence().forecast()).isNull();
            assertThat(alert.evidence().correlatedSignals()).isEmpty();
        });
        assertThat(sink.resolved(AlertKind.METRIC_ANOMALY)).hasSize(1);
        MonitorStats stats = monitor.stats();
        assertThat(stats.series()).isEqualTo(1);
        assertThat(stats.points()).isEqualTo(200);
        assertThat(stats.alertsRaised()).isEqualTo(1);
        assertThat(stats.alertsResolved()).isEqualTo(1);
        assertThat(stats.lastCollection()).isEqualTo(cluster.now());
    }

    @Test
    void aSeriesClimbingTowardsItsLimitRaisesOnePredictiveAlertThatResolvesWhenItLevelsOff() {
        Random random = new Random(11);
        double mib = 1 << 20;
        // Flat at 100 MiB, then a leak of 1 MiB per 15 s pass for 80 passes, then flat again well below 256 MiB.
        start(List.of(new ScriptedSource((workload, pass) -> new MetricResult.Samples(List.of(new Sample(
                SeriesKey.of(workload, "memory"), cluster.now(), mib * (100 + Math.max(0, Math.min(pass, 140) - 60))
                        + random.nextGaussian() * mib * 0.05)), List.of()))),
                ForecastSettingsFor.memoryLimit(256 * mib));

        passes(90);

        assertThat(sink.raised(AlertKind.LIMIT_FORECAST)).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("memory");
            assertThat(alert.title()).startsWith("default/shop: memory limit 256 MiB reached in ~");
            assertThat(alert.evidence().forecast().breachAt()).isAfter(alert.firstSeen())
                    .isBefore(alert.firstSeen().plus(Duration.ofHours(1)));
        });
        assertThat(sink.resolved(AlertKind.LIMIT_FORECAST)).isEmpty();

        passes(80);

        assertThat(sink.raised(AlertKind.LIMIT_FORECAST)).hasSize(1);
        assertThat(sink.resolved(AlertKind.LIMIT_FORECAST)).hasSize(1);
    }

    @Test
    void aFlatSeriesUnderItsLimitRaisesNoPredictiveAlert() {
        Random random = new Random(12);
        double mib = 1 << 20;
        start(List.of(new ScriptedSource((workload, pass) -> new MetricResult.Samples(List.of(new Sample(
                SeriesKey.of(workload, "memory"), cluster.now(), mib * 200 + random.nextGaussian() * mib)),
                List.of()))), ForecastSettingsFor.memoryLimit(256 * mib));

        passes(300);

        assertThat(sink.raised(AlertKind.LIMIT_FORECAST)).isEmpty();
    }

    @Test
    void anAnomalyNamesTheSignalsOfItsWorkloadThatMovedWithIt() {
        Random random = new Random(13);
        // A bad release: errors jump one pass before latency does; cpu carries on as before.
        start(List.of(new ScriptedSource((workload, pass) -> new MetricResult.Samples(List.of(
                new Sample(SeriesKey.of(workload, "error_rate"), cluster.now(),
                        0.010 + 0.001 * random.nextGaussian() + (pass >= 149 ? 0.050 : 0)),
                new Sample(SeriesKey.of(workload, "latency_mean"), cluster.now(),
                        0.040 + 0.001 * random.nextGaussian() + (pass >= 150 ? 0.050 : 0)),
                new Sample(SeriesKey.of(workload, "cpu"), cluster.now(), 0.2 + 0.01 * random.nextGaussian())),
                List.of()))));

        passes(152);

        assertThat(sink.raised(AlertKind.METRIC_ANOMALY)).filteredOn(a -> a.subject().equals("latency_mean"))
                .singleElement().satisfies(alert -> assertThat(alert.evidence().correlatedSignals())
                        .singleElement().satisfies(signal -> {
                            assertThat(signal.signal()).isEqualTo("default/shop error_rate");
                            assertThat(signal.strength()).isGreaterThan(0.9);
                            assertThat(signal.summary()).contains("1 step earlier");
                        }));
    }

    @Test
    void sourceThatIsDownIsNoDataNotAnAnomalyStorm() {
        Random random = new Random(5);
        start(List.of(new ScriptedSource((workload, pass) -> pass >= 60 && pass < 100
                ? new MetricResult.NoData("Prometheus at http://prom did not answer within 5000 ms")
                : latency(workload, 0.040 + random.nextGaussian() * 0.001, cluster.now()))));

        passes(80);
        assertThat(monitor.stats().noData()).containsEntry("scripted default/shop",
                "Prometheus at http://prom did not answer within 5000 ms");
        passes(60);

        assertThat(sink.raised()).isEmpty();
        assertThat(monitor.stats().noData()).isEmpty();
        assertThat(monitor.stats().points()).isEqualTo(100);
    }

    @Test
    void badPointsAreCountedAndAThrowingSourceDoesNotStopThePass() {
        start(List.of(
                new ScriptedSource((workload, pass) -> {
                    throw new IllegalStateException("bug in a source");
                }),
                new ScriptedSource((workload, pass) -> new MetricResult.Samples(List.of(
                        new Sample(SeriesKey.of(workload, "a"), cluster.now(), Double.NaN),
                        new Sample(SeriesKey.of(workload, "b"), cluster.now(), Double.POSITIVE_INFINITY),
                        new Sample(SeriesKey.of(workload, "c"), cluster.now(), 1),
                        new Sample(SeriesKey.of(workload, "c"), cluster.now().minusSeconds(1), 1)), List.of()))));

        passes(3);

        MonitorStats stats = monitor.stats();
        assertThat(stats.skipped()).isEqualTo(new SkippedPoints(3, 3, 3));
        assertThat(stats.points()).isEqualTo(3);
        assertThat(stats.lastError()).contains("source scripted failed for default/shop")
                .contains("bug in a source");
        assertThat(stats.running()).isTrue();
    }

    @Test
    void injectedErrorsInASimulatedWorkloadRaiseOneErrorRateAlert() {
        start(List.of(new PodScrapeSource()));
        for (int i = 0; i < 60; i++) {
            cluster.advance(Duration.ofSeconds(15));
            monitor.collect(cluster.now());
        }
        assertThat(sink.raised()).isEmpty();

        cluster.simulator().setBehaviour(MonitoredCluster.NAMESPACE, "shop",
                WorkloadBehaviour.healthy().withErrorRatio(0.3));
        for (int i = 0; i < 20; i++) {
            cluster.advance(Duration.ofSeconds(15));
            monitor.collect(cluster.now());
        }

        assertThat(sink.raised()).extracting(Alert::subject).containsExactly("error_rate");
        assertThat(monitor.stats().series()).isEqualTo(5);
    }
}
