package io.aidevops.controller.status;

/** How usable the suite is, worst last; {@code aidevops status} exits with {@link #exitCode()}. */
public enum Health {
    /** Everything configured works. */
    HEALTHY,
    /** The suite runs, but something it needs (a cluster, a metric source) cannot be reached. */
    DEGRADED,
    /** The suite cannot run as configured (for example, the configuration is invalid). */
    UNUSABLE;

    /** @return the worse of the two */
    public Health combine(Health other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** @return 0 healthy, 1 degraded, 2 unusable */
    public int exitCode() {
        return switch (this) {
            case HEALTHY -> 0;
            case DEGRADED -> 1;
            case UNUSABLE -> 2;
        };
    }
}
