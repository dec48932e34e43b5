package io.aidevops.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code factor} times faster than the system clock from the moment it is made. The demo uses it
 * so that minutes of simulated traffic and analysis pass in seconds; everything that reads this clock (the
 * simulator, the pods' metrics, a rollout engine) sees a consistent, faster world.
 */
public final class AcceleratedClock extends Clock {

    private final Instant start;
    private final long startNanos;
    private final double factor;

    private AcceleratedClock(Instant start, long startNanos, double factor) {
        this.start = start;
        this.startNanos = startNanos;
        this.factor = factor;
    }

    /**
     * A clock starting now that runs {@code factor} times as fast as real time.
     *
     * @throws IllegalArgumentException unless factor is at least 1
     */
    public static AcceleratedClock startingNow(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be at least 1, but is " + factor);
        }
        return new AcceleratedClock(Instant.now(), System.nanoTime(), factor);
    }

    /** How many times faster than real time this clock runs. */
    public double factor() {
        return factor;
    }

    @Override
    public Instant instant() {
        long elapsed = System.nanoTime() - startNanos;
        return start.plusNanos((long) (elapsed * factor));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("an accelerated clock runs in UTC only");
    }

    @Override
    public String toString() {
        return "AcceleratedClock[x" + factor + " from " + start + "]";
    }
}
