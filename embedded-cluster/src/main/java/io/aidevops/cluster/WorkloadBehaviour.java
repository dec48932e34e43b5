package io.aidevops.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated container behaves while it runs: the traffic it serves, how fast and how well, and the resources it
 * uses. The simulator derives the container's metrics and failures from this, with seeded noise on top.
 *
 * @param requestsPerSecond mean request rate once the container is ready (no traffic before readiness)
 * @param errorRatio share of requests answered with HTTP 500, 0 to 1
 * @param latencyMedian median request latency; latencies are log-normally distributed around it
 * @param latencySpread standard deviation of the latency's natural logarithm (0.3 to 0.5 looks realistic)
 * @param cpuCores mean CPU cores the container keeps busy
 * @param memoryBytes resident memory right after start
 * @param memoryGrowthBytesPerSecond how fast resident memory grows; a container whose memory reaches its limit is
 *        {@code OOMKilled}
 * @param failureMode how the container fails on its own, if at all
 */
public record WorkloadBehaviour(double requestsPerSecond, double errorRatio, Duration latencyMedian,
        double latencySpread, double cpuCores, long memoryBytes, long memoryGrowthBytesPerSecond,
        FailureMode failureMode) {

    private static final long MIB = 1024L * 1024L;

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if a reference is null
     */
    public WorkloadBehaviour {
        Objects.requireNonNull(latencyMedian, "latencyMedian");
        Objects.requireNonNull(failureMode, "failureMode");
        requireAtLeastZero("requestsPerSecond", requestsPerSecond);
        requireAtLeastZero("latencySpread", latencySpread);
        requireAtLeastZero("cpuCores", cpuCores);
        requireAtLeastZero("memoryBytes", memoryBytes);
        requireAtLeastZero("memoryGrowthBytesPerSecond", memoryGrowthBytesPerSecond);
        if (!(errorRatio >= 0 && errorRatio <= 1)) {
            throw new IllegalArgumentException("errorRatio must be between 0 and 1, but is " + errorRatio);
        }
        if (latencyMedian.isZero() || latencyMedian.isNegative()) {
            throw new IllegalArgumentException("latencyMedian must be positive, but is " + latencyMedian);
        }
    }

    /**
     * A healthy web service: 20 requests per second, 0.2 % errors, 40 ms median latency, 0.15 cores, 96 MiB of
     * memory that does not grow.
     */
    public static WorkloadBehaviour healthy() {
        return new WorkloadBehaviour(20, 0.002, Duration.ofMillis(40), 0.35, 0.15, 96 * MIB, 0, FailureMode.NONE);
    }

    /** This behaviour with another request rate. */
    public WorkloadBehaviour withRequestsPerSecond(double value) {
        return new WorkloadBehaviour(value, errorRatio, latencyMedian, latencySpread, cpuCores, memoryBytes,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another error ratio. */
    public WorkloadBehaviour withErrorRatio(double value) {
        return new WorkloadBehaviour(requestsPerSecond, value, latencyMedian, latencySpread, cpuCores, memoryBytes,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another median latency. */
    public WorkloadBehaviour withLatencyMedian(Duration value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, value, latencySpread, cpuCores, memoryBytes,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another latency spread. */
    public WorkloadBehaviour withLatencySpread(double value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, latencyMedian, value, cpuCores, memoryBytes,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another CPU usage. */
    public WorkloadBehaviour withCpuCores(double value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, latencyMedian, latencySpread, value, memoryBytes,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another memory size at start. */
    public WorkloadBehaviour withMemoryBytes(long value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, latencyMedian, latencySpread, cpuCores, value,
                memoryGrowthBytesPerSecond, failureMode);
    }

    /** This behaviour with another memory growth rate. */
    public WorkloadBehaviour withMemoryGrowthBytesPerSecond(long value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, latencyMedian, latencySpread, cpuCores,
                memoryBytes, value, failureMode);
    }

    /** This behaviour with another failure mode. */
    public WorkloadBehaviour withFailureMode(FailureMode value) {
        return new WorkloadBehaviour(requestsPerSecond, errorRatio, latencyMedian, latencySpread, cpuCores,
                memoryBytes, memoryGrowthBytesPerSecond, value);
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, but is " + value);
        }
    }
}
