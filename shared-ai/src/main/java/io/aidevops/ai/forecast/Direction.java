package io.aidevops.ai.forecast;

/** Which side of a limit is a breach. */
public enum Direction {
    /** The value must stay below the limit (memory, latency, disk use). */
    ABOVE,
    /** The value must stay above the limit (free disk, throughput, replicas ready). */
    BELOW;

    /** Whether {@code value} is at or past {@code limit} on this side. */
    public boolean breaches(double value, double limit) {
        return this == ABOVE ? value >= limit : value <= limit;
    }
}
