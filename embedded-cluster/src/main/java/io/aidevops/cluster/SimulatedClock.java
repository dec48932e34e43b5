package io.aidevops.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: tests (and {@link ClusterSimulator#advance(Duration)}) step the
 * simulated world through time without sleeping. Thread-safe; always in UTC.
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;

    private SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Creates a clock showing {@code start} until it is advanced.
     *
     * @param start the first instant the clock shows
     * @return the clock
     */
    public static SimulatedClock startingAt(Instant start) {
        return new SimulatedClock(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward.
     *
     * @param step how far; zero is allowed, negative is not (simulated time never runs backwards)
     * @return the new instant
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("A simulated clock cannot go back in time, but the step is " + step);
        }
        return now.updateAndGet(instant -> instant.plus(step));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException unless {@code zone} is UTC: a second clock in another zone could not be
     *         advanced together with this one
     */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return this;
        }
        throw new UnsupportedOperationException("A simulated clock runs in UTC only, not in " + zone);
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + instant() + "]";
    }
}
