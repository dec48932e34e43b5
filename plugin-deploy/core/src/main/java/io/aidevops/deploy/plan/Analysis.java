package io.aidevops.deploy.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * Judges the canary against the baseline {@code looks} times, one judgment every {@code interval}, at the current
 * weight. Each look sees the metrics since the analysis step began (the window grows, as in Kayenta).
 *
 * @param interval time between two judgments, positive
 * @param looks how many judgments, at least 1
 */
public record Analysis(Duration interval, int looks) implements PlanStep {

    /** The interval a plan file's analysis step gets when it names none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** The number of looks a plan file's analysis step gets when it names none. */
    public static final int DEFAULT_LOOKS = 5;

    /** @throws IllegalArgumentException if the interval is not positive or looks is below 1 */
    public Analysis {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("analysis.interval must be positive, but is "
                    + DurationText.format(interval));
        }
        if (looks < 1) {
            throw new IllegalArgumentException("analysis.looks must be at least 1, but is " + looks);
        }
    }

    /** How long the step lasts: {@code looks} intervals. */
    public Duration duration() {
        return interval.multipliedBy(looks);
    }
}
