package io.aidevops.deploy.metrics;

import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.deploy.ClusterFixture;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.aidevops.deploy.traffic.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end: the embedded cluster's pods serve metrics, the provider scrapes them on simulated ticks. */
class PodScrapeMetricProviderTest {

    private static final RolloutTarget TARGET = ClusterFixture.TARGET;
    private ClusterFixture cluster;
    private PodScrapeMetricProvider provider;

    @BeforeEach
    void start() {
        cluster = ClusterFixture.start();
        provider = new PodScrapeMetricProvider(cluster.client());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aBadCanaryHasClearlyMoreErrorsAndLatencyThanTheBaseline() {
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 3);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0-bad", 2);
        cluster.rollOut("shop-stable");
        cluster.rollOut("shop-canary");

        Instant start = cluster.now();
        for (int tick = 0; tick < 11; tick++) {
            provider.observe(TARGET, cluster.now());
            cluster.advance(Duration.ofSeconds(30));
        }
        AnalysisWindow window = new AnalysisWindow(start, cluster.now(), Duration.ofSeconds(30));

        MetricSamples errors = samples(MetricQuery.builtIn("error_rate"), window);
        assertThat(errors.baseline()).hasSize(3 * 10);
        assertThat(errors.canary()).hasSize(2 * 10);
        assertThat(errors.weighted()).isTrue();
        // Healthy pods serve about 20 requests per second: 600 per 30 s interval.
        assertThat(mean(errors.baselineWeights())).isBetween(400.0, 800.0);
        double baselineErrorRate = weightedMean(errors.baseline(), errors.baselineWeights());
        double canaryErrorRate = weightedMean(errors.canary(), errors.canaryWeights());
        assertThat(baselineErrorRate).isLessThan(0.01);
        assertThat(canaryErrorRate).isBetween(0.05, 0.12);

        MetricSamples p99 = samples(MetricQuery.builtIn("latency_p99"), window);
        MetricSamples meanLatency = samples(MetricQuery.builtIn("latency_mean"), window);
        assertThat(mean(p99.canary())).isGreaterThan(1.5 * mean(p99.baseline()));
        assertThat(mean(meanLatency.canary())).isGreaterThan(2 * mean(meanLatency.baseline()));
        assertThat(mean(meanLatency.baseline())).isBetween(0.02, 0.2);

        MetricSamples throughput = samples(MetricQuery.builtIn("throughput"), window);
        assertThat(mean(throughput.baseline())).isBetween(10.0, 30.0);
        MetricSamples cpu = samples(MetricQuery.builtIn("cpu"), window);
        assertThat(mean(cpu.baseline())).isBetween(0.05, 0.5);
        MetricSamples memory = samples(MetricQuery.builtIn("memory"), window);
        assertThat(memory.baseline()).hasSize(3 * 11);
        assertThat(mean(memory.baseline())).isBetween(50e6, 200e6);
    }

    @Test
    void windowSelectsTheScrapesInside() {
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 1);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 1);
        cluster.rollOut("shop-stable");
        cluster.rollOut("shop-canary");
        Instant start = cluster.now();
        for (int tick = 0; tick < 6; tick++) {
            provider.observe(TARGET, cluster.now());
            cluster.advance(Duration.ofSeconds(10));
        }
        AnalysisWindow lastHalf = new AnalysisWindow(start.plusSeconds(30), start.plusSeconds(50),
                Duration.ofSeconds(10));
        MetricSamples samples = samples(MetricQuery.builtIn("throughput"), lastHalf);
        assertThat(samples.baseline()).hasSize(2);
        assertThat(samples.canary()).hasSize(2);
    }

    @Test
    void noDataSaysWhy() {
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 1);
        cluster.rollOut("shop-stable");
        Instant start = cluster.now();
        provider.observe(TARGET, cluster.now());
        cluster.advance(Duration.ofSeconds(30));
        provider.observe(TARGET, cluster.now());
        AnalysisWindow window = new AnalysisWindow(start, cluster.now(), Duration.ofSeconds(30));

        assertThat(provider.fetch(TARGET, MetricQuery.builtIn("error_rate"), window))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .startsWith("no canary data for error_rate of app shop in default between ")
                        .contains("0 pod(s) with 0 scrape(s) in the window"));
        assertThat(provider.fetch(TARGET, MetricQuery.custom("queue", MetricKind.GAUGE, "q"), window))
                .isEqualTo(new MetricFetch.NoData("pod scraping computes only error_rate, latency_p99, "
                        + "latency_mean, throughput, cpu, memory; metric 'queue' needs a Prometheus query"));
    }

    @Test
    void aRestartedContainerIsACounterResetNotANegativeRate() {
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 1);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 1);
        cluster.rollOut("shop-stable");
        cluster.rollOut("shop-canary");
        Instant start = cluster.now();
        for (int tick = 0; tick < 4; tick++) {
            provider.observe(TARGET, cluster.now());
            cluster.advance(Duration.ofSeconds(60));
        }
        String canaryPod = cluster.client().pods().inNamespace(ClusterFixture.NAMESPACE)
                .withLabel(Track.LABEL, "canary").list().getItems().get(0).getMetadata().getName();
        restart(canaryPod);
        for (int tick = 0; tick < 4; tick++) {
            provider.observe(TARGET, cluster.now());
            cluster.advance(Duration.ofSeconds(60));
        }
        AnalysisWindow window = new AnalysisWindow(start, cluster.now(), Duration.ofSeconds(60));

        MetricSamples throughput = samples(MetricQuery.builtIn("throughput"), window);
        assertThat(Arrays.stream(throughput.canary()).boxed()).allSatisfy(value -> assertThat(value).isBetween(0.0, 40.0));
        assertThat(throughput.canary()).hasSizeGreaterThanOrEqualTo(6);
        MetricSamples errors = samples(MetricQuery.builtIn("error_rate"), window);
        assertThat(Arrays.stream(errors.canary()).boxed()).allSatisfy(value -> assertThat(value).isBetween(0.0, 0.05));
    }

    @Test
    void countersResetByPodIntervals() {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        PodReading before = reading(t0, 1000, 10, 50);
        PodReading after = reading(t0.plusSeconds(10), 120, 6, 5);
        assertThat(PodIntervals.requests(before, after)).isEqualTo(120);
        assertThat(PodIntervals.errorRate(before, after)).hasValue(0.05);
        assertThat(PodIntervals.throughput(before, after)).hasValue(12.0);
        assertThat(PodIntervals.cpu(before, after)).hasValue(0.5);

        PodReading later = reading(t0.plusSeconds(20), 320, 6, 6);
        assertThat(PodIntervals.errorRate(after, later)).hasValue(0.0);
        assertThat(PodIntervals.throughput(after, later)).hasValue(20.0);
        assertThat(PodIntervals.cpu(after, later)).hasValue(0.1);
        assertThat(PodIntervals.errorRate(later, reading(t0.plusSeconds(30), 320, 6, 7))).isEmpty();
    }

    private static PodReading reading(Instant at, double requests, double errors, double cpu) {
        return new PodReading(at, requests, errors, Double.NaN, Double.NaN, java.util.List.of(), cpu, 1e8);
    }

    /** The simulator restarts the container in place: its counters start again from zero. */
    private void restart(String pod) {
        cluster.simulator().restartContainer(ClusterFixture.NAMESPACE, pod);
        cluster.advance(Duration.ofSeconds(5));
    }

    private MetricSamples samples(MetricQuery query, AnalysisWindow window) {
        MetricFetch fetch = provider.fetch(TARGET, query, window);
        assertThat(fetch).as(query.name() + ": " + fetch).isInstanceOf(MetricFetch.Samples.class);
        return ((MetricFetch.Samples) fetch).samples();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElseThrow();
    }

    private static double weightedMean(double[] values, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * weights[i];
            total += weights[i];
        }
        return sum / total;
    }
}
