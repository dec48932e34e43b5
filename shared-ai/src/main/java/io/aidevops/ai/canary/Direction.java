package io.aidevops.ai.canary;

/** Which change of a metric counts against the canary. */
public enum Direction {
    /** Only a higher canary value is bad (latency, errors, memory). */
    INCREASE,
    /** Only a lower canary value is bad (throughput, cache hit ratio). */
    DECREASE,
    /** A change either way is bad. */
    EITHER;

    /** Whether a higher canary value can fail the metric. */
    public boolean watchesIncrease() {
        return this != DECREASE;
    }

    /** Whether a lower canary value can fail the metric. */
    public boolean watchesDecrease() {
        return this != INCREASE;
    }
}
