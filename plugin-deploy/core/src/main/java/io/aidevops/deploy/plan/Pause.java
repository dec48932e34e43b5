package io.aidevops.deploy.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * Holds the rollout at its current weight: for {@code duration}, or, without one, until somebody promotes it.
 *
 * @param duration how long to wait, positive; null to wait for {@code promote}
 */
public record Pause(Duration duration) implements PlanStep {

    /** @throws IllegalArgumentException if the duration is zero or negative */
    public Pause {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("pause.duration must be positive, but is " + DurationText.format(duration)
                    + "; leave it out to wait for promote");
        }
    }

    /** A pause that lasts until the rollout is promoted. */
    public static Pause untilPromoted() {
        return new Pause(null);
    }

    /** A pause of {@code duration}. */
    public static Pause of(Duration duration) {
        return new Pause(java.util.Objects.requireNonNull(duration, "duration"));
    }

    /** Whether this pause waits for {@code promote} rather than for time to pass. */
    public boolean indefinite() {
        return duration == null;
    }

    /** The duration, empty when the pause waits for {@code promote}. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(duration);
    }
}
