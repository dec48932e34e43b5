package io.aidevops.ai.strategy;

import java.time.Duration;
import java.util.Objects;

/**
 * What recent rollouts of the workload did.
 *
 * @param rollouts how many recent rollouts are counted, at least 0
 * @param rolledBack how many of them failed or were rolled back, 0 to {@code rollouts}
 * @param typicalDuration how long one usually takes; {@link Duration#ZERO} when unknown
 */
public record RolloutHistory(int rollouts, int rolledBack, Duration typicalDuration) {

    /** No history known. */
    public static final RolloutHistory NONE = new RolloutHistory(0, 0, Duration.ZERO);

    /**
     * At least this many rollouts before a failure rate means anything: one failure in the only rollout so far says
     * little about the next.
     */
    public static final int MIN_ROLLOUTS_FOR_RATE = 3;

    /** A failure rate at or above this (one in five) counts as a troubled history. */
    public static final double TROUBLED_RATE = 0.2;

    /** @throws IllegalArgumentException naming the field that is out of range */
    public RolloutHistory {
        Objects.requireNonNull(typicalDuration, "typicalDuration");
        if (rollouts < 0) {
            throw new IllegalArgumentException("rollouts must be at least 0, but was " + rollouts);
        }
        if (rolledBack < 0 || rolledBack > rollouts) {
            throw new IllegalArgumentException("rolledBack must be 0 to rollouts (" + rollouts + "), but was "
                    + rolledBack);
        }
        if (typicalDuration.isNegative()) {
            throw new IllegalArgumentException("typicalDuration must not be negative, but was " + typicalDuration);
        }
    }

    /** The share of rollouts that were rolled back, 0 when there were none. */
    public double failureRate() {
        return rollouts == 0 ? 0 : (double) rolledBack / rollouts;
    }

    /** Whether enough rollouts failed recently to warrant extra caution. */
    public boolean troubled() {
        return rollouts >= MIN_ROLLOUTS_FOR_RATE && failureRate() >= TROUBLED_RATE;
    }
}
