package io.aidevops.deploy.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time range of one judgment.
 *
 * @param start first instant, inclusive
 * @param end last instant, inclusive; after {@code start}
 * @param step resolution: one value per step and pod from Prometheus, and the rate window
 */
public record AnalysisWindow(Instant start, Instant end, Duration step) {

    /** @throws IllegalArgumentException if the window is empty or the step not positive */
    public AnalysisWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the analysis window must end after it starts, but runs from " + start
                    + " to " + end);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("the analysis step must be positive, but is " + step);
        }
    }

    /** How long the window is. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether {@code instant} lies in the window, both ends included. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && !instant.isAfter(end);
    }
}
