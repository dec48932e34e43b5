package io.aidevops.controller.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.aidevops.controller.service.ClusterAccess;
import io.aidevops.monitor.Monitor;
import io.aidevops.monitor.MonitorSettings;
import io.aidevops.monitor.MonitorStats;
import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.monitor.metric.MetricSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor as {@code aidevops start} runs it: a collection pass every {@code monitoring.interval} on a thread of
 * its own. The cluster may be missing when the service starts or change while it runs (an embedded cluster started
 * later, a kubeconfig switched to another cluster): each pass checks, and a monitor is started on the cluster there is
 * now, so the service never has to be restarted for it.
 */
public final class BackgroundMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMonitor.class);

    /**
     * What the monitor is doing, for {@code GET /api/v1/monitor} and {@code aidevops status}.
     *
     * @param state {@code running}, {@code waiting for the cluster}, {@code stopped} or {@code disabled}
     * @param intervalSeconds seconds between two passes
     * @param detector the detector every series gets
     * @param problem why the monitor is not running, or null
     * @param stats the running monitor's figures, or null
     */
    public record Status(String state, long intervalSeconds, String detector, String problem, MonitorStats stats) {
    }

    private final ClusterAccess cluster;
    private final MonitorSettings settings;
    private final Function<KubernetesClient, List<MetricSource>> sources;
    private final AlertJournal journal;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    // Volatile, so status() never waits for a pass that is waiting for the network.
    private volatile Monitor monitor;
    private KubernetesClient monitored;
    private volatile String problem = "not started yet";
    private volatile boolean closed;

    /**
     * @param cluster the cluster to watch, asked again before every pass
     * @param settings what to watch and how to score
     * @param sources the metric sources for a client (Prometheus, or the pods themselves)
     * @param journal where alerts go
     * @param clock the passes' time
     * @param interval time between two passes
     */
    public BackgroundMonitor(ClusterAccess cluster, MonitorSettings settings,
            Function<KubernetesClient, List<MetricSource>> sources, AlertJournal journal, Clock clock,
            Duration interval) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aidevops-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the passes: the first one now, then every interval. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::passSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void passSafely() {
        try {
            pass();
        } catch (RuntimeException e) {
            // A pass that fails must not end the schedule: the next one may find the cluster back.
            problem = "the last pass failed: " + e;
            LOG.warn("monitor pass failed", e);
        }
    }

    /** One pass now: (re)starts the monitor on the cluster there is now, then collects. Public for tests. */
    public synchronized void pass() {
        if (closed) {
            return;
        }
        KubernetesClient client;
        try {
            client = cluster.client();
        } catch (ClusterAccess.Unavailable e) {
            stopMonitor();
            problem = e.getMessage();
            return;
        }
        if (monitor == null || client != monitored) {
            stopMonitor();
            var fresh = new Monitor(client, sources.apply(client), journal, settings, clock);
            try {
                fresh.start();
            } catch (RuntimeException e) {
                fresh.close();
                problem = "cannot watch the cluster: " + e.getMessage();
                LOG.warn("monitor start failed: {}", e.toString());
                return;
            }
            monitor = fresh;
            monitored = client;
            problem = null;
            LOG.info("monitor watching {} every {} s", client.getMasterUrl(), interval.toSeconds());
        }
        monitor.collect(Instant.now(clock));
    }

    /** What the monitor is doing now. */
    public Status status() {
        Monitor current = monitor;
        String detector = settings.pipeline().detector();
        if (closed) {
            return new Status("stopped", interval.toSeconds(), detector, null, null);
        }
        if (current == null) {
            return new Status("waiting for the cluster", interval.toSeconds(), detector, problem, null);
        }
        return new Status("running", interval.toSeconds(), detector, problem, current.stats());
    }

    /** The status when {@code monitoring.enabled} is false. */
    public static Status disabled(long intervalSeconds, String detector) {
        return new Status("disabled", intervalSeconds, detector, "monitoring.enabled is false", null);
    }

    private void stopMonitor() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
            monitored = null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closed = true;
            stopMonitor();
        }
    }
}
