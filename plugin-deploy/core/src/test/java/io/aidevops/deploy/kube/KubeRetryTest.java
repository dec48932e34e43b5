package io.aidevops.deploy.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeRetryTest {

    private final List<Duration> slept = new ArrayList<>();
    private final KubeRetry retry = new KubeRetry(RetryPolicy.DEFAULT, new SplittableRandom(7), slept::add);

    @Test
    void retriesConflictsByRunningTheWholeReadModifyWriteAgain() {
        AtomicInteger reads = new AtomicInteger();
        String result = retry.call("scale Deployment default/shop", () -> {
            int read = reads.incrementAndGet();
            if (read < 3) {
                throw failure(409);
            }
            return "written after read " + read;
        });

        assertThat(result).isEqualTo("written after read 3");
        assertThat(slept).hasSize(2);
    }

    @Test
    void retriesThrottlingServerErrorsAndIoFailures() {
        for (RuntimeException failure : List.of(failure(429), failure(500), failure(503), failure(504),
                new KubernetesClientException("connect", new ConnectException("refused")),
                new KubernetesClientTimeoutException(List.of(), 1, java.util.concurrent.TimeUnit.SECONDS),
                new UncheckedIOException(new IOException("reset")))) {
            assertThat(KubeRetry.isRetryable(failure)).as(failure.toString()).isTrue();
        }
    }

    @Test
    void doesNotRetryRequestsThatAreWrong() {
        for (int code : new int[] {400, 401, 403, 404, 410, 422}) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> retry.run("patch", () -> {
                calls.incrementAndGet();
                throw failure(code);
            })).isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(code));
            assertThat(calls).as("code %d", code).hasValue(1);
        }
        assertThat(KubeRetry.isRetryable(new KubernetesClientException("cannot serialise"))).isFalse();
        assertThat(slept).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheOperationAndKeepingTheCode() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("update VirtualService default/shop", () -> {
            calls.incrementAndGet();
            throw failure(503);
        }))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessageStartingWith("giving up on update VirtualService default/shop after 5 attempts: HTTP 503")
                .hasCauseInstanceOf(KubernetesClientException.class)
                .satisfies(e -> {
                    assertThat(((KubernetesClientException) e).getCode()).isEqualTo(503);
                    assertThat(((RetriesExhaustedException) e).attempts()).isEqualTo(5);
                    assertThat(e.getSuppressed()).hasSize(4);
                });
        assertThat(calls).hasValue(5);
        assertThat(slept).hasSize(4);
    }

    @Test
    void backsOffExponentiallyWithJitterUpToTheMaximum() {
        KubeRetry patient = new KubeRetry(new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0),
                new SplittableRandom(42), slept::add);
        assertThatThrownBy(() -> patient.run("get", () -> {
            throw failure(500);
        })).isInstanceOf(KubernetesClientException.class);

        assertThat(slept).hasSize(7);
        long[] nominal = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int i = 0; i < nominal.length; i++) {
            // Equal jitter: between half the nominal delay and the whole of it.
            assertThat(slept.get(i).toMillis()).as("delay %d", i).isBetween(nominal[i] / 2, nominal[i]);
        }
        assertThat(slept).as("jitter varies the delays").doesNotHaveDuplicates();

        List<Duration> again = new ArrayList<>();
        KubeRetry sameSeed = new KubeRetry(patient.policy(), new SplittableRandom(42), again::add);
        assertThatThrownBy(() -> sameSeed.run("get", () -> {
            throw failure(500);
        })).isInstanceOf(KubernetesClientException.class);
        assertThat(again).as("a seed makes the delays reproducible").isEqualTo(slept);
    }

    @Test
    void waitsAtLeastWhatTheServerAsksForOnThrottling() {
        KubernetesClientException throttled = new KubernetesClientException("slow down", 429, new StatusBuilder()
                .withCode(429).withNewDetails().withRetryAfterSeconds(3).endDetails().build());
        AtomicInteger calls = new AtomicInteger();
        retry.call("list pods", () -> {
            if (calls.incrementAndGet() == 1) {
                throw throttled;
            }
            return null;
        });
        assertThat(slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void stopsWhenInterrupted() {
        KubeRetry interrupted = new KubeRetry(RetryPolicy.DEFAULT, new SplittableRandom(1), duration -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.run("delete Ingress default/shop-canary", () -> {
                throw failure(500);
            })).isInstanceOf(KubernetesClientException.class)
                    .hasMessageStartingWith("interrupted while waiting to retry delete Ingress default/shop-canary");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void policyValidates() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxDelay(Duration.ofMillis(1))).hasMessageContaining(
                "must be at least initialDelay");
        assertThat(RetryPolicy.DEFAULT.withMaxAttempts(1).maxAttempts()).isEqualTo(1);
    }

    private static KubernetesClientException failure(int code) {
        return new KubernetesClientException("HTTP " + code, code, new StatusBuilder().withCode(code).build());
    }
}
