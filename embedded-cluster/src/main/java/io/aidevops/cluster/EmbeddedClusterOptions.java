package io.aidevops.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link EmbeddedCluster}. Start from {@link #defaults()} and change what matters with the withers.
 *
 * @param clock the simulated world's time; a {@link SimulatedClock} lets tests step it
 * @param seed seeds every random choice (pod names, metric noise), so a run is reproducible
 * @param readinessDelay how long a started container takes to become ready
 * @param containerStartDelay how long a scheduled pod waits (pulling, creating) before its containers start
 * @param reconcileInterval pause between two reconcile passes of the background loop
 * @param behaviours how containers behave, chosen by image tag
 * @param port the API server's TCP port on 127.0.0.1, 0 for an ephemeral one
 * @param background whether a background thread runs {@link ClusterSimulator#reconcile()} every
 *        {@code reconcileInterval}; without it, the caller steps the simulator
 */
public record EmbeddedClusterOptions(Clock clock, long seed, Duration readinessDelay, Duration containerStartDelay,
        Duration reconcileInterval, WorkloadBehaviours behaviours, int port, boolean background) {

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a duration is negative, the interval is not positive or the port is out of
     *         range
     * @throws NullPointerException if a reference is null
     */
    public EmbeddedClusterOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(behaviours, "behaviours");
        requireNotNegative("readinessDelay", readinessDelay);
        requireNotNegative("containerStartDelay", containerStartDelay);
        requireNotNegative("reconcileInterval", reconcileInterval);
        if (reconcileInterval.isZero()) {
            throw new IllegalArgumentException("reconcileInterval must be positive, but is 0");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, but is " + port);
        }
    }

    /**
     * What the demo needs: system clock, seed 42, containers ready 2 s after a 0.5 s start, a background loop
     * reconciling every 150 ms, the {@link WorkloadBehaviours#builtIn() built-in} behaviours and an ephemeral port.
     */
    public static EmbeddedClusterOptions defaults() {
        return new EmbeddedClusterOptions(Clock.systemUTC(), 42, Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofMillis(150), WorkloadBehaviours.builtIn(), 0, true);
    }

    /**
     * What a test needs: {@link #defaults()} without the background loop, driven by {@code clock}.
     *
     * @param clock the clock the test advances, usually through {@link ClusterSimulator#advance(Duration)}
     * @return the options
     */
    public static EmbeddedClusterOptions stepped(SimulatedClock clock) {
        return defaults().withClock(clock).withBackground(false);
    }

    /** These options with another clock. */
    public EmbeddedClusterOptions withClock(Clock value) {
        return new EmbeddedClusterOptions(value, seed, readinessDelay, containerStartDelay, reconcileInterval,
                behaviours, port, background);
    }

    /** These options with another seed. */
    public EmbeddedClusterOptions withSeed(long value) {
        return new EmbeddedClusterOptions(clock, value, readinessDelay, containerStartDelay, reconcileInterval,
                behaviours, port, background);
    }

    /** These options with another readiness delay. */
    public EmbeddedClusterOptions withReadinessDelay(Duration value) {
        return new EmbeddedClusterOptions(clock, seed, value, containerStartDelay, reconcileInterval, behaviours,
                port, background);
    }

    /** These options with another container start delay. */
    public EmbeddedClusterOptions withContainerStartDelay(Duration value) {
        return new EmbeddedClusterOptions(clock, seed, readinessDelay, value, reconcileInterval, behaviours, port,
                background);
    }

    /** These options with another reconcile interval. */
    public EmbeddedClusterOptions withReconcileInterval(Duration value) {
        return new EmbeddedClusterOptions(clock, seed, readinessDelay, containerStartDelay, value, behaviours, port,
                background);
    }

    /** These options with other workload behaviours. */
    public EmbeddedClusterOptions withBehaviours(WorkloadBehaviours value) {
        return new EmbeddedClusterOptions(clock, seed, readinessDelay, containerStartDelay, reconcileInterval, value,
                port, background);
    }

    /** These options with another API server port (0 for an ephemeral one). */
    public EmbeddedClusterOptions withPort(int value) {
        return new EmbeddedClusterOptions(clock, seed, readinessDelay, containerStartDelay, reconcileInterval,
                behaviours, value, background);
    }

    /** These options with or without the background reconcile loop. */
    public EmbeddedClusterOptions withBackground(boolean value) {
        return new EmbeddedClusterOptions(clock, seed, readinessDelay, containerStartDelay, reconcileInterval,
                behaviours, port, value);
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but is " + value);
        }
    }
}
