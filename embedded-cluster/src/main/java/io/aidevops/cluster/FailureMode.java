package io.aidevops.cluster;

import java.time.Duration;

/** How a simulated container fails on its own, independent of memory growth (see {@link WorkloadBehaviour}). */
public enum FailureMode {

    /** The container keeps running. */
    NONE(null, 0),

    /**
     * The container exits with code 1 ({@code Error}) one second after every start, before it ever becomes ready; the
     * kubelet restarts it with growing back-off, so the pod shows {@code CrashLoopBackOff}.
     */
    CRASH_LOOP("Error", 1),

    /**
     * The container allocates past its memory limit one second after every start and is {@code OOMKilled} (exit code
     * 137), before it ever becomes ready: a heap that does not fit its limit.
     */
    OOM("OOMKilled", 137);

    /** How long a failing container runs before it exits. */
    static final Duration TIME_TO_FAILURE = Duration.ofSeconds(1);

    private final String terminationReason;
    private final int exitCode;

    FailureMode(String terminationReason, int exitCode) {
        this.terminationReason = terminationReason;
        this.exitCode = exitCode;
    }

    /** The {@code terminated.reason} the container reports after failing; null for {@link #NONE}. */
    String terminationReason() {
        return terminationReason;
    }

    /** The exit code the container reports after failing; 0 for {@link #NONE}. */
    int exitCode() {
        return exitCode;
    }
}
