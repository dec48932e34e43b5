package io.aidevops.controller.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

import io.aidevops.monitor.AnomalyAlerts;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertSink;
import io.aidevops.monitor.alert.OpenAlerts;
import io.aidevops.monitor.anomaly.AnomalyPipeline;
import io.aidevops.monitor.anomaly.PipelineSettings;
import io.aidevops.monitor.anomaly.PointOutcome;
import io.aidevops.monitor.forecast.BreachForecasts;
import io.aidevops.monitor.forecast.ForecastSettings;
import io.aidevops.monitor.forecast.SeriesLimits;
import io.aidevops.monitor.metric.Sample;
import io.aidevops.monitor.metric.SeriesKey;
import io.aidevops.monitor.metric.Workload;

/**
 * How many series one monitor holds: the monitor's metric path (the anomaly pipeline with one detector and one ring
 * of recent values per series, the limit forecasts, the alerts) fed by a simulated source, pass after pass, on one
 * thread. It measures the CPU time of a pass and the heap that stays in use, so the claim "100,000 series at a 15 s
 * interval on one core in 512 MiB" is a measurement, not an estimate. Network I/O of a real source is not part of it:
 * Prometheus answers one query per workload and metric set, which costs the same whatever the detector.
 */
public final class MonitorCapacity {

    /** Metrics per simulated workload, as a service typically has (rates, latencies, resources). */
    public static final int METRICS_PER_WORKLOAD = 10;
    private static final String[] METRICS = {"throughput", "error_rate", "latency_p50", "latency_p99", "cpu",
        "memory", "gc_pause", "connections", "queue_depth", "disk_io"};

    /**
     * What was measured.
     *
     * @param series series held
     * @param passes passes run (the first {@code warmUpPasses} only warm the detectors and are not timed)
     * @param warmUpPasses passes before the timing started
     * @param interval the simulated collection interval
     * @param detector the detector of every series
     * @param cpuMillisPerPass mean CPU time of a timed pass, on the one thread that ran them
     * @param worstCpuMillisPerPass the slowest timed pass
     * @param pointsPerSecond points scored per CPU second in the timed passes
     * @param shareOfOneCore CPU time of a pass divided by the interval: below 1 keeps up on one core
     * @param heapUsedMiB heap in use after a full collection, with every series' state held
     * @param heapPerSeriesBytes that heap, less what was in use before the series existed, per series
     * @param maxHeapMiB the heap limit of this JVM ({@code -Xmx})
     * @param alertsRaised alerts raised by the injected anomalies (and any false ones)
     */
    public record Result(int series, int passes, int warmUpPasses, Duration interval, String detector,
            double cpuMillisPerPass, double worstCpuMillisPerPass, double pointsPerSecond, double shareOfOneCore,
            double heapUsedMiB, double heapPerSeriesBytes, double maxHeapMiB, long alertsRaised,
            Map<String, Long> alertsByKindAndMetric, int injectedAnomalies) {
    }

    private MonitorCapacity() {
    }

    /**
     * Runs the benchmark.
     *
     * @param series how many series (rounded up to whole workloads of {@value #METRICS_PER_WORKLOAD} metrics)
     * @param interval the simulated time between passes
     * @param passes how many passes in all
     * @param warmUpPasses passes before timing starts (detectors warm up, the JIT compiles)
     * @param detector the detector's name
     * @param seed seed of the simulated source
     * @param progress told the percentage done
     * @return the figures
     */
    public static Result run(int series, Duration interval, int passes, int warmUpPasses, String detector, long seed,
            IntConsumer progress) {
        int workloads = (series + METRICS_PER_WORKLOAD - 1) / METRICS_PER_WORKLOAD;
        long before = usedHeapAfterGc();
        List<Workload> all = new ArrayList<>(workloads);
        List<SeriesKey[]> keys = new ArrayList<>(workloads);
        for (int w = 0; w < workloads; w++) {
            Workload workload = new Workload("ns-" + (w % 100), "app-" + w, List.of());
            all.add(workload);
            SeriesKey[] ofWorkload = new SeriesKey[METRICS_PER_WORKLOAD];
            for (int m = 0; m < METRICS_PER_WORKLOAD; m++) {
                ofWorkload[m] = SeriesKey.of(workload, METRICS[m]);
            }
            keys.add(ofWorkload);
        }
        var settings = PipelineSettings.defaults().withDetector(detector)
                .withSeriesRetention(interval.multipliedBy(passes + 1L));
        var pipeline = new AnomalyPipeline(settings);
        var sink = new CountingSink();
        var alerts = new AnomalyAlerts(pipeline, new OpenAlerts(sink),
                new BreachForecasts(ForecastSettings.DEFAULT_HORIZON),
                new SeriesLimits(Map.of("memory", 4.0 * (1 << 30))));
        var source = new SimulatedSource(seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long timedCpu = 0;
        long worstCpu = 0;
        long timedPoints = 0;
        for (int pass = 0; pass < passes; pass++) {
            Instant now = start.plus(interval.multipliedBy(pass));
            long cpu = threads.getCurrentThreadCpuTime();
            long points = 0;
            for (int w = 0; w < workloads; w++) {
                SeriesKey[] ofWorkload = keys.get(w);
                for (int m = 0; m < METRICS_PER_WORKLOAD; m++) {
                    double value = source.next(w, m, pass);
                    PointOutcome outcome = pipeline.accept(new Sample(ofWorkload[m], now, value));
                    if (outcome instanceof PointOutcome.Scored) {
                        alerts.take((PointOutcome.Scored) outcome, all.get(w));
                        points++;
                    }
                }
            }
            alerts.forgotten(pipeline.forgetIdle(now), now);
            long spent = threads.getCurrentThreadCpuTime() - cpu;
            if (pass >= warmUpPasses) {
                timedCpu += spent;
                worstCpu = Math.max(worstCpu, spent);
                timedPoints += points;
            }
            progress.accept((pass + 1) * 100 / passes);
        }
        long after = usedHeapAfterGc();
        int timedPasses = Math.max(1, passes - warmUpPasses);
        double cpuMillis = timedCpu / 1e6 / timedPasses;
        int held = pipeline.seriesCount();
        // Keep the state reachable until it has been measured.
        if (held != workloads * METRICS_PER_WORKLOAD) {
            throw new IllegalStateException("expected " + workloads * METRICS_PER_WORKLOAD + " series, held " + held);
        }
        return new Result(held, passes, warmUpPasses, interval, detector, cpuMillis, worstCpu / 1e6,
                timedPoints / (timedCpu / 1e9), cpuMillis / interval.toMillis(), after / 1048576.0,
                (after - before) / (double) held, Runtime.getRuntime().maxMemory() / 1048576.0, sink.raised,
                Map.copyOf(sink.byKindAndMetric), (workloads + SimulatedSource.ANOMALOUS_EVERY - 1)
                        / SimulatedSource.ANOMALOUS_EVERY);
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Values with the shapes the monitor sees: a daily cycle, noise, and now and then a level shift or a spike in one
     * series, so alerts are raised and carry evidence as they would in production.
     */
    private static final class SimulatedSource {
        /** One workload in this many gets a level shift in its error rate after pass 200. */
        static final int ANOMALOUS_EVERY = 97;
        private final long seed;

        SimulatedSource(long seed) {
            this.seed = seed;
        }

        double next(int workload, int metric, int pass) {
            // Stateless per point (a hash of seed, series and pass) so 100,000 series cost no generator state.
            var random = new SplittableRandom(seed ^ (workload * 31L + metric) * 0x9E3779B97F4A7C15L ^ pass);
            double level = 100 + 10 * metric;
            double day = 10 * Math.sin(2 * Math.PI * pass / 5760.0);
            double anomaly = (workload % ANOMALOUS_EVERY == 0 && metric == 1 && pass > 200) ? 40 : 0;
            return level + day + 2 * random.nextGaussian() + anomaly;
        }
    }

    /** Counts what would go to the incident module. */
    private static final class CountingSink implements AlertSink {
        final Map<String, Long> byKindAndMetric = new java.util.TreeMap<>();
        long raised;

        @Override
        public synchronized void raise(Alert alert) {
            raised++;
            byKindAndMetric.merge(alert.kind().code() + " " + alert.subject(), 1L, Long::sum);
        }

        @Override
        public void resolve(Alert alert, Instant at) {
        }

        @Override
        public Collection<Alert> raisedAlerts() {
            return List.of();
        }
    }
}
