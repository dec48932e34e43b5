package io.aidevops.deploy.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries Kubernetes API calls that failed for reasons that may pass, with exponential backoff and jitter.
 *
 * <p>Retried: 409 Conflict (someone else changed the object; the operation must read it again, so pass one that
 * reads, modifies and writes, not a write of a stale copy), 429 Too Many Requests (waiting at least the server's
 * {@code retryAfterSeconds}), 5xx, and I/O failures and timeouts (fabric8 reports those with code 0 and an
 * {@link IOException} or timeout as cause, and no HTTP code: 0 or -1). Not retried: every other 4xx (404, 403, 422 ...: the request itself is
 * wrong) and a failure without HTTP code and without an I/O cause (a client-side error, such as a serialisation failure, which would fail
 * the same way again).
 *
 * <p>When attempts run out, a {@link RetriesExhaustedException} (a {@link KubernetesClientException}) is thrown with
 * the last failure's code, a message naming the operation and the number of attempts, and the earlier failures suppressed.
 */
public final class KubeRetry {

    private static final Logger LOG = LoggerFactory.getLogger(KubeRetry.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final RetryPolicy policy;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    /**
     * @param policy attempts and delays
     * @param random the jitter's source; seeded in tests
     * @param sleeper how to wait; {@link Sleeper#THREAD} in production
     */
    public KubeRetry(RetryPolicy policy, RandomGenerator random, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** {@link RetryPolicy#DEFAULT}, a fresh random generator and real sleeping. */
    public static KubeRetry defaults() {
        return new KubeRetry(RetryPolicy.DEFAULT, RandomGenerator.of("L64X128MixRandom"), Sleeper.THREAD);
    }

    /** The policy. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code operation} until it succeeds, fails for good or attempts run out.
     *
     * @param what the operation, for messages, e.g. {@code "scale Deployment shop/shop-canary"}
     * @param operation reads what it needs and writes; called again from scratch on each attempt
     * @return the operation's result
     * @throws KubernetesClientException the failure that was not retried or the last one
     */
    public <T> T call(String what, Supplier<T> operation) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(operation, "operation");
        List<RuntimeException> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (!isRetryable(e)) {
                    failures.forEach(e::addSuppressed);
                    throw e;
                }
                failures.add(e);
                if (attempt >= policy.maxAttempts()) {
                    throw exhausted(what, attempt, failures);
                }
                Duration delay = delay(attempt, e);
                LOG.debug("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, policy.maxAttempts(),
                        delay.toMillis(), e.toString());
                pause(what, delay, e);
            }
        }
    }

    /** {@link #call} for an operation without a result. */
    public void run(String what, Runnable operation) {
        Objects.requireNonNull(operation, "operation");
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    /**
     * Whether a failure may pass: 409, 429, 5xx, or an I/O failure or timeout.
     *
     * @param failure what an API call threw
     */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof KubernetesClientException kubernetes) {
            int code = kubernetes.getCode();
            if (code == HttpURLConnection.HTTP_CONFLICT || code == TOO_MANY_REQUESTS || code >= 500) {
                return true;
            }
            if (code > 0) {
                return false;
            }
            return failure instanceof KubernetesClientTimeoutException || hasIoCause(failure.getCause());
        }
        return failure instanceof UncheckedIOException || hasIoCause(failure.getCause());
    }

    private static boolean hasIoCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The delay after failed attempt {@code attempt}: backoff with equal jitter, at least the server's wish. */
    Duration delay(int attempt, RuntimeException failure) {
        long backoff = policy.backoff(attempt).toNanos();
        long jittered = backoff / 2 + (long) (random.nextDouble() * (backoff - backoff / 2));
        long retryAfter = retryAfterSeconds(failure) * 1_000_000_000L;
        return Duration.ofNanos(Math.min(Math.max(jittered, retryAfter), policy.maxDelay().toNanos()));
    }

    private static long retryAfterSeconds(RuntimeException failure) {
        if (failure instanceof KubernetesClientException kubernetes) {
            Status status = kubernetes.getStatus();
            if (status != null && status.getDetails() != null && status.getDetails().getRetryAfterSeconds() != null) {
                return Math.max(0, status.getDetails().getRetryAfterSeconds());
            }
        }
        return 0;
    }

    private void pause(String what, Duration delay, RuntimeException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            KubernetesClientException interrupted = new KubernetesClientException(
                    "interrupted while waiting to retry " + what + " after: " + failure.getMessage(), e);
            interrupted.addSuppressed(failure);
            throw interrupted;
        }
    }

    private RetriesExhaustedException exhausted(String what, int attempts, List<RuntimeException> failures) {
        RuntimeException last = failures.get(failures.size() - 1);
        int code = last instanceof KubernetesClientException kubernetes ? kubernetes.getCode() : 0;
        Status status = last instanceof KubernetesClientException kubernetes ? kubernetes.getStatus() : null;
        RetriesExhaustedException giveUp = new RetriesExhaustedException(what, attempts, last, code, status);
        failures.subList(0, failures.size() - 1).forEach(giveUp::addSuppressed);
        return giveUp;
    }
}
