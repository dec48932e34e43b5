package io.aidevops.deploy.kube;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link KubeRetry} backs off: attempt {@code n} (from 1) waits about
 * {@code min(maxDelay, initialDelay × multiplier^(n-1))} before attempt {@code n + 1}, half of it fixed and half
 * random ("equal jitter": retries of many clients spread out, yet never hammer at once with a delay near zero).
 *
 * @param maxAttempts attempts in total, at least 1 (1 = no retry)
 * @param initialDelay the delay after the first failure, positive
 * @param maxDelay the longest delay, at least {@code initialDelay}
 * @param multiplier growth per attempt, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

    /**
     * Five attempts, 200 ms doubling to at most 10 s: about 3 s of waiting in the worst case, enough to ride out an
     * API server restart or a burst of conflicts without stalling a rollout step for long.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), 2.0);

    /** @throws IllegalArgumentException if a bound is out of range */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but is " + maxAttempts);
        }
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive, but is " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " must be at least initialDelay "
                    + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, but is " + multiplier);
        }
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, initialDelay, maxDelay, multiplier);
    }

    /** This policy with another ceiling on the delay. */
    public RetryPolicy withMaxDelay(Duration value) {
        return new RetryPolicy(maxAttempts, initialDelay, value, multiplier);
    }

    /** The delay before jitter after failed attempt {@code attempt} (from 1). */
    Duration backoff(int attempt) {
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 1);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }
}
