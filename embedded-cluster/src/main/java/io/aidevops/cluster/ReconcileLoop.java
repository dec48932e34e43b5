package io.aidevops.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs {@link ClusterSimulator#reconcile()} every interval on the cluster's background thread. */
final class ReconcileLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final ClusterSimulator simulator;

    ReconcileLoop(ClusterSimulator simulator) {
        this.simulator = simulator;
    }

    /** Schedules the passes, {@code interval} apart (from the end of one to the start of the next). */
    void start(ScheduledExecutorService executor, Duration interval) {
        executor.scheduleWithFixedDelay(this::pass, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void pass() {
        try {
            simulator.reconcile();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the loop must outlive any single failure.
            LOG.warn("A reconcile pass failed; the next one follows as scheduled", e);
        }
    }
}
