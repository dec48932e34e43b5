package io.aidevops.controller.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.monitor.Monitor;
import io.aidevops.monitor.MonitorSettings;
import io.aidevops.monitor.MonitorStats;
import io.aidevops.monitor.metric.PodScrapeSource;
import io.aidevops.monitor.watch.WatchScope;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The monitor as the demo runs it: the same {@link Monitor} as {@code aidevops start}, on the demo's accelerated
 * clock, with a pass every {@link #PASS} of real time, writing to a journal of its own that starts empty.
 */
final class DemoMonitor implements AutoCloseable {

    /**
     * Simulated time between passes. The detectors learn each series for 150 points before they alarm, and the
     * demo's world lasts only about six simulated minutes before the leak.
     */
    static final Duration PASS = Duration.ofSeconds(2);
    /** How often the real clock is checked for the next pass: a tenth of a pass at the demo's speed. */
    static final Duration CHECK = Duration.ofMillis(20);

    private final Monitor monitor;
    private final AlertJournal journal;
    private final Clock clock;
    private final List<AlertJournal.Line> lines = new CopyOnWriteArrayList<>();
    private Instant lastPass;
    private final ScheduledExecutorService passes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-monitor");
        thread.setDaemon(true);
        return thread;
    });

    DemoMonitor(KubernetesClient client, Clock clock, Path folder, String namespace) throws IOException {
        // Each demo is a new world: alerts of an earlier run would only be adopted as "already raised".
        Files.deleteIfExists(folder.resolve(AlertJournal.FILE));
        this.journal = AlertJournal.open(folder);
        this.clock = clock;
        journal.onChange(lines::add);
        var defaults = MonitorSettings.defaults();
        // Shorter than in production so that the demo shows alerts resolving within its minute.
        var watch = defaults.watch().withScope(WatchScope.suite().inNamespaces(namespace))
                .withSettleTime(Duration.ofSeconds(60)).withUnavailableGrace(Duration.ofSeconds(60))
                .withResolveGrace(Duration.ofSeconds(30));
        this.monitor = new Monitor(client, List.of(new PodScrapeSource()), journal, defaults.withWatch(watch), clock);
    }

    /** Starts the informers and the passes. */
    void start() {
        monitor.start();
        passes.scheduleWithFixedDelay(this::passIfDue, 0, CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Passes on a grid of simulated time, as a production monitor's timer would: the series' timestamps are then
     * evenly spaced, which the forecaster's step detection relies on, even when this thread is scheduled late.
     */
    private void passIfDue() {
        long millis = clock.millis();
        Instant due = Instant.ofEpochMilli(millis - Math.floorMod(millis, PASS.toMillis()));
        if (lastPass == null || due.isAfter(lastPass)) {
            lastPass = due;
            try {
                monitor.collect(due);
            } catch (RuntimeException e) {
                // An exception would end the schedule silently; the next pass may well succeed.
                LOG.warn("demo monitor pass failed", e);
            }
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoMonitor.class);

    /** Calls {@code listener} with every alert raised or resolved from now on. */
    void onChange(Consumer<AlertJournal.Line> listener) {
        journal.onChange(listener);
    }

    /**
     * Waits until an alert matching {@code wanted} has been raised.
     *
     * @return whether one was, within {@code timeout}
     */
    boolean awaitRaised(Predicate<AlertJournal.Line> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(wanted)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Every raise and resolve so far, oldest first. */
    List<AlertJournal.Line> lines() {
        return List.copyOf(lines);
    }

    AlertJournal journal() {
        return journal;
    }

    MonitorStats stats() {
        return monitor.stats();
    }

    @Override
    public void close() {
        passes.shutdownNow();
        try {
            passes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
    }
}
