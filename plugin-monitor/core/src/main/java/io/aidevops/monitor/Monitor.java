package io.aidevops.monitor;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertSink;
import io.aidevops.monitor.alert.OpenAlerts;
import io.aidevops.monitor.anomaly.AnomalyPipeline;
import io.aidevops.monitor.anomaly.PointOutcome;
import io.aidevops.monitor.forecast.BreachForecasts;
import io.aidevops.monitor.forecast.SeriesLimits;
import io.aidevops.monitor.metric.MetricResult;
import io.aidevops.monitor.metric.MetricSource;
import io.aidevops.monitor.metric.Sample;
import io.aidevops.monitor.metric.Workload;
import io.aidevops.monitor.watch.ClusterState;
import io.aidevops.monitor.watch.WorkloadInspector;
import io.aidevops.monitor.watch.WorkloadWatcher;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The suite's background monitor: watches workloads through informers, collects metrics from its sources, scores
 * every series and hands alerts to an {@link AlertSink}.
 *
 * <p>Workload state (crash loops, OOM kills, restarts, failed rollouts, unavailable replicas) is judged whenever the
 * informers report a change and at every {@link #collect} pass; metrics are collected only by {@link #collect},
 * which the caller schedules at its {@code monitoring.interval}. Every alert is raised once per fingerprint while it
 * lasts and resolved once when its cause is gone; fingerprints the sink already holds (from an earlier run) are not
 * raised again.
 *
 * <pre>{@code
 * try (Monitor monitor = new Monitor(client, List.of(new PodScrapeSource()), sink, MonitorSettings.defaults(),
 *         Clock.systemUTC())) {
 *     monitor.start();
 *     scheduler.scheduleAtFixedRate(() -> monitor.collect(Instant.now()), 0, 30, TimeUnit.SECONDS);
 *     ...
 * }
 * }</pre>
 */
public final class Monitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final List<MetricSource> sources;
    private final MonitorSettings settings;
    private final Clock clock;
    private final OpenAlerts alerts;
    private final WorkloadWatcher watcher;
    private final WorkloadInspector inspector;
    private final AnomalyPipeline pipeline;
    private final AnomalyAlerts anomalies;
    private final ExecutorService changes;
    private final AtomicBoolean changePending = new AtomicBoolean();
    private final Object passes = new Object();
    private volatile boolean running;
    private volatile String lastError;
    // Published whole at the end of each pass, so stats() never waits for a pass that is talking to its sources.
    private volatile Map<String, String> noData = Map.of();
    private volatile Instant lastCollection;
    private volatile int workloads;

    /**
     * A monitor with the settings' detector for every series.
     *
     * @param client the cluster to watch
     * @param sources where metric points come from, asked in this order; may be empty
     * @param sink where alerts go
     * @param settings what to watch and how to score
     * @param clock the time of change-triggered judgements (passes bring their own)
     */
    public Monitor(KubernetesClient client, List<MetricSource> sources, AlertSink sink, MonitorSettings settings,
            Clock clock) {
        this(client, sources, sink, settings, clock, new AnomalyPipeline(settings.pipeline()));
    }

    /**
     * A monitor with a pipeline of the caller's making (e.g. a detector under evaluation).
     *
     * @param client the cluster to watch
     * @param sources where metric points come from, asked in this order; may be empty
     * @param sink where alerts go
     * @param settings what to watch ({@code settings.pipeline()} is ignored in favour of the pipeline's)
     * @param clock the time of change-triggered judgements
     * @param pipeline scores the series
     */
    public Monitor(KubernetesClient client, List<MetricSource> sources, AlertSink sink, MonitorSettings settings,
            Clock clock, AnomalyPipeline pipeline) {
        Objects.requireNonNull(client, "client");
        this.sources = List.copyOf(sources);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alerts = new OpenAlerts(sink);
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.anomalies = new AnomalyAlerts(pipeline, alerts, new BreachForecasts(settings.forecast().horizon()),
                new SeriesLimits(settings.forecast().limits()));
        this.inspector = new WorkloadInspector(settings.watch());
        this.watcher = new WorkloadWatcher(client, settings.watch(), this::workloadsChanged);
        this.changes = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aidevops-monitor-changes");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the fingerprints the sink already holds, starts the informers, waits until they have listed everything
     * once, and judges the workload state.
     *
     * @throws IllegalStateException if the informers do not sync within the settings' sync timeout (they are
     *         stopped again; {@link #close()} the monitor, or call {@code start()} again later)
     */
    public void start() {
        alerts.adoptRaised(clock.instant());
        watcher.start();
        running = true;
        judgeWorkloads(clock.instant());
    }

    /**
     * One collection pass at {@code now}: judges the workload state, asks every source about every workload, scores
     * the points, raises and resolves alerts, forgets idle series. Never throws for a source's or the sink's
     * trouble: that is recorded as {@link MonitorStats#lastError()} and the pass goes on.
     *
     * @param now the pass's time; should not go backwards between passes (points that do are skipped and counted)
     */
    public void collect(Instant now) {
        Objects.requireNonNull(now, "now");
        // One pass at a time; the monitor's own lock is taken only to judge and to score, never while a source is
        // asked, so change-triggered judgements of crash loops and OOM kills are not held up by a slow source.
        synchronized (passes) {
            ClusterState state = judgeWorkloads(now);
            List<Workload> seen = state.workloads();
            Map<String, String> missing = new LinkedHashMap<>();
            for (Workload workload : seen) {
                for (MetricSource source : sources) {
                    MetricResult.Samples samples = fetch(source, workload, now, missing);
                    if (samples != null) {
                        score(samples, workload);
                    }
                }
            }
            synchronized (this) {
                for (RuntimeException failure : anomalies.forgotten(pipeline.forgetIdle(now), now)) {
                    error("the alert sink failed resolving the alert of an idle series", failure);
                }
                // Metric alerts adopted from an earlier run whose series has not come back within the retention.
                for (RuntimeException failure : alerts.resolveUnseenAdopted(alert -> !alert.kind().isWorkloadState(),
                        now.minus(settings.pipeline().seriesRetention()), now)) {
                    error("the alert sink failed resolving an alert of an earlier run", failure);
                }
            }
            noData = Collections.unmodifiableMap(missing);
            workloads = seen.size();
            lastCollection = now;
        }
    }

    /** Asks one source about one workload: its samples, or null with the reason recorded in {@code missing}. */
    private MetricResult.Samples fetch(MetricSource source, Workload workload, Instant now,
            Map<String, String> missing) {
        MetricResult result;
        try {
            result = source.collect(workload, now);
        } catch (RuntimeException e) {
            // A source must report trouble as NoData; one that throws is a bug, not a reason to stop the pass.
            error("source " + source.name() + " failed for " + workload.key(), e);
            missing.put(source.name() + " " + workload.key(), "the source failed: " + e);
            return null;
        }
        if (result instanceof MetricResult.NoData noData) {
            missing.put(source.name() + " " + workload.key(), noData.reason());
            return null;
        }
        MetricResult.Samples samples = (MetricResult.Samples) result;
        if (!samples.notes().isEmpty()) {
            missing.put(source.name() + " " + workload.key(), "partly: " + String.join("; ", samples.notes()));
        }
        return samples;
    }

    private synchronized void score(MetricResult.Samples samples, Workload workload) {
        for (Sample sample : samples.samples()) {
            if (pipeline.accept(sample) instanceof PointOutcome.Scored scored) {
                for (RuntimeException failure : anomalies.take(scored, workload)) {
                    error("raising or resolving an alert of " + sample.series().displayName() + " failed", failure);
                }
            }
        }
    }

    /** The open alerts, oldest first. */
    public List<Alert> openAlerts() {
        return alerts.all();
    }

    /** The monitor's vital signs now; does not wait for a running pass. */
    public MonitorStats stats() {
        String informerError = watcher.lastError();
        return new MonitorStats(running, workloads, watcher.notifications(), pipeline.seriesCount(),
                pipeline.scoredPoints(), pipeline.skipped(), alerts.raisedCount(), alerts.resolvedCount(),
                alerts.all().size(), lastCollection, lastError != null ? lastError : informerError, noData);
    }

    /** The settings in effect. */
    public MonitorSettings settings() {
        return settings;
    }

    /** Stops the informers. Open alerts stay raised at the sink: the next run adopts them. */
    @Override
    public void close() {
        running = false;
        watcher.close();
        changes.shutdownNow();
        try {
            changes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Called on informer threads. Bursts of changes (a rollout touches dozens of objects) are coalesced into one
     * judgement on the monitor's own thread, so the informers are never held up by the sink.
     */
    private void workloadsChanged() {
        if (running && changePending.compareAndSet(false, true)) {
            try {
                changes.execute(() -> {
                    changePending.set(false);
                    if (running) {
                        judgeWorkloads(clock.instant());
                    }
                });
            } catch (RejectedExecutionException e) {
                changePending.set(false); // closing
            }
        }
    }

    private synchronized ClusterState judgeWorkloads(Instant now) {
        ClusterState state = watcher.snapshot();
        if (!running) {
            return state;
        }
        try {
            List<Alert> current = inspector.inspect(state, now, alerts::isOpen);
            for (RuntimeException failure : alerts.reconcile(alert -> alert.kind().isWorkloadState(), current,
                    now, settings.watch().resolveGrace())) {
                error("the alert sink failed", failure);
            }
        } catch (RuntimeException e) {
            error("judging the workload state failed", e);
        }
        return state;
    }

    private void error(String what, RuntimeException e) {
        lastError = what + ": " + e;
        LOG.warn("{}", what, e);
    }
}
