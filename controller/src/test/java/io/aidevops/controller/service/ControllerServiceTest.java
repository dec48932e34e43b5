package io.aidevops.controller.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.aidevops.controller.status.Health;
import io.aidevops.controller.status.KubernetesStatus;
import io.aidevops.controller.status.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ControllerServiceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static StatusReport report() {
        return new StatusReport(Health.HEALTHY, "test", "built-in defaults", "0", "17", "os",
                new KubernetesStatus(Health.HEALTHY, "test", "v1.32.0", List.of(), null, null), List.of());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(60)
    void concurrentStatusRequestsShareOneCheckAndNeverStarveHealth() throws Exception {
        var checks = new AtomicInteger();
        var release = new CountDownLatch(1);
        try (var service = new ControllerService("127.0.0.1", 0, url -> {
            checks.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return report();
        }, Clock.systemUTC())) {
            service.start();
            var statusUrl = service.url() + "/api/v1/status";
            var waiting = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 12; i++) {
                waiting.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(statusUrl)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // Four of the twelve cannot wait: they are told so at once, while the check hangs.
            var refused = 0;
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (refused < 4 && System.nanoTime() < deadline) {
                refused = (int) waiting.stream().filter(CompletableFuture::isDone).count();
                Thread.sleep(20);
            }
            assertThat(refused).isEqualTo(4);

            var health = get(service.url() + "/api/v1/health");
            assertThat(health.statusCode()).as("health answers while status checks hang").isEqualTo(200);

            release.countDown();
            var codes = new ArrayList<Integer>();
            for (var response : waiting) {
                codes.add(response.get(20, TimeUnit.SECONDS).statusCode());
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(8);
            assertThat(codes).filteredOn(c -> c == 503).hasSize(4);
            assertThat(checks.get()).as("one check served every waiting request").isEqualTo(1);
            assertThat(waiting.stream().filter(r -> r.join().statusCode() == 503).findFirst().orElseThrow().join()
                    .body()).contains("\"status\":503", "too many status requests");
        }
    }

    @Test
    void aFailingHandlerIsA500WithAJsonBody() throws Exception {
        try (var service = new ControllerService("127.0.0.1", 0, url -> {
            throw new IllegalStateException("boom");
        }, Clock.systemUTC())) {
            service.start();

            var response = get(service.url() + "/api/v1/status");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).startsWith("{\"status\":500,\"error\":\"internal error; the controller's log");
        }
    }
}
