package io.aidevops.deploy.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.deploy.traffic.RolloutTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider against a loopback HTTP server answering as Prometheus does. */
class PrometheusMetricProviderTest {

    private static final RolloutTarget TARGET = RolloutTarget.conventional("shop-ns", "shop");
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final AnalysisWindow WINDOW = new AnalysisWindow(START, START.plusSeconds(120),
            Duration.ofMinutes(1));

    private HttpServer server;
    private ExecutorService executor;
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Answer> answers = request -> new Answer(500, "unset");
    private final CountDownLatch release = new CountDownLatch(1);

    record Request(Map<String, String> query, String authorization, String path) {
    }

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        Request request = new Request(query, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestURI().getPath());
        synchronized (requests) {
            requests.add(request);
        }
        Answer answer = answers.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private PrometheusConfig config() {
        return PrometheusConfig.of("http://127.0.0.1:" + server.getAddress().getPort() + "/prom/");
    }

    private static String matrix(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + String.join(",", series)
                + "]}}";
    }

    private static String series(String pod, String... values) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            points.append(i == 0 ? "" : ",").append('[').append(1767261600 + 60 * i).append(",\"").append(values[i])
                    .append("\"]");
        }
        return "{\"metric\":{\"pod\":\"" + pod + "\"},\"values\":[" + points + "]}";
    }

    @Test
    void errorRateQueriesBothTracksWithWeightsAndFlattensSeries() {
        answers = request -> {
            String q = request.query().get("query");
            boolean canary = q.contains("track=\"canary\"");
            if (q.startsWith("sum by (pod) (increase(")) {
                return new Answer(200, canary ? matrix(series("c1", "100", "120", "110"))
                        : matrix(series("s1", "1000", "1100", "1050"), series("s2", "900", "950", "NaN")));
            }
            return new Answer(200, canary ? matrix(series("c1", "0.08", "0.07", "0.09"))
                    : matrix(series("s1", "0.001", "0", "0.002"), series("s2", "0", "0.001", "NaN")));
        };

        MetricFetch fetch = new PrometheusMetricProvider(config()).fetch(TARGET, MetricQuery.builtIn("error_rate"),
                WINDOW);

        assertThat(fetch).isInstanceOf(MetricFetch.Samples.class);
        MetricSamples samples = ((MetricFetch.Samples) fetch).samples();
        assertThat(samples.baseline()).containsExactly(0.001, 0, 0.002, 0, 0.001, Double.NaN);
        assertThat(samples.baselineWeights()).containsExactly(1000, 1100, 1050, 900, 950, 0);
        assertThat(samples.canary()).containsExactly(0.08, 0.07, 0.09);
        assertThat(samples.canaryWeights()).containsExactly(100, 120, 110);
        assertThat(((MetricFetch.Samples) fetch).source()).contains("track=\"stable\"").contains("weighted by");

        assertThat(requests).hasSize(4);
        Request first = requests.get(0);
        assertThat(first.path()).isEqualTo("/prom/api/v1/query_range");
        assertThat(first.query()).containsEntry("start", "1767261600").containsEntry("end", "1767261720")
                .containsEntry("step", "60");
        assertThat(first.query().get("query")).isEqualTo(
                "(sum by (pod) (rate(http_requests_total{namespace=\"shop-ns\",track=\"stable\",code=~\"5..\"}[1m]))"
                        + " or sum by (pod) (rate(http_requests_total{namespace=\"shop-ns\",track=\"stable\"}[1m]))"
                        + " * 0) / sum by (pod) (rate(http_requests_total{namespace=\"shop-ns\",track=\"stable\"}"
                        + "[1m]))");
        assertThat(first.authorization()).isNull();
    }

    @Test
    void customTemplatesGetTheTargetsNames() {
        answers = request -> new Answer(200, matrix(series("x", "1", "2")));
        MetricQuery query = MetricQuery.custom("queue_depth", MetricKind.GAUGE,
                "max(queue_depth{deployment=\"{{deployment}}\",app=\"{{ app }}\"}[{{interval}}])");

        MetricFetch fetch = new PrometheusMetricProvider(config()).fetch(TARGET, query,
                new AnalysisWindow(START, START.plusSeconds(90), Duration.ofSeconds(30)));

        assertThat(fetch).isInstanceOf(MetricFetch.Samples.class);
        assertThat(((MetricFetch.Samples) fetch).samples().weighted()).isFalse();
        assertThat(requests).extracting(r -> r.query().get("query")).containsExactly(
                "max(queue_depth{deployment=\"shop-stable\",app=\"shop\"}[30s])",
                "max(queue_depth{deployment=\"shop-canary\",app=\"shop\"}[30s])");
        assertThat(requests.get(0).query()).containsEntry("step", "30");
    }

    @Test
    void vectorResultsAndInfiniteValues() {
        answers = request -> new Answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[{\"metric\":{},\"value\":[1767261600.5,\"0.25\"]},"
                + "{\"metric\":{\"pod\":\"b\"},\"value\":[1767261600.5,\"+Inf\"]}]}}");

        MetricFetch fetch = new PrometheusMetricProvider(config()).fetch(TARGET, MetricQuery.builtIn("latency_p99"),
                WINDOW);

        assertThat(fetch).isInstanceOf(MetricFetch.Samples.class);
        assertThat(((MetricFetch.Samples) fetch).samples().canary()).containsExactly(0.25);
        assertThat(((MetricFetch.Samples) fetch).source()).contains("1 infinite values dropped");
    }

    @Test
    void prometheusErrorsBecomeNoDataWithTheirMessage() {
        answers = request -> new Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"1:5: parse error: unexpected identifier\"}");

        MetricFetch fetch = new PrometheusMetricProvider(config()).fetch(TARGET,
                MetricQuery.custom("x", MetricKind.GAUGE, "up{{{track}}"), WINDOW);

        assertThat(fetch).isEqualTo(new MetricFetch.NoData("stable query for 'x' failed: Prometheus answered HTTP "
                + "400, bad_data: 1:5: parse error: unexpected identifier (query: up{stable)"));
    }

    @Test
    void unavailableAndNonJsonAnswers() {
        answers = request -> new Answer(503, "Service Unavailable\n");
        assertThat(new PrometheusMetricProvider(config()).fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .startsWith("stable query for 'cpu' failed: Prometheus answered HTTP 503: Service Unavailable"));

        answers = request -> new Answer(200, "<html>login</html>");
        assertThat(new PrometheusMetricProvider(config()).fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .contains("Prometheus answered HTTP 200 with a body that is not JSON: <html>login</html>"));
    }

    @Test
    void emptyResultIsNoDataNamingTheTrack() {
        answers = request -> new Answer(200, request.query().get("query").contains("canary") ? matrix()
                : matrix(series("s1", "1")));
        assertThat(new PrometheusMetricProvider(config()).fetch(TARGET, MetricQuery.builtIn("memory"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .startsWith("Prometheus returned no canary data for 'memory' between 2026-01-01T10:00:00Z "
                                + "and 2026-01-01T10:02:00Z (query: sum by (pod) (process_resident_memory_bytes{"));
    }

    @Test
    void timeoutIsNoData() {
        answers = request -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, matrix());
        };
        PrometheusMetricProvider provider = new PrometheusMetricProvider(
                config().withTimeout(Duration.ofMillis(200)));

        assertThat(provider.fetch(TARGET, MetricQuery.builtIn("throughput"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .contains("did not answer within 200ms"));
    }

    @Test
    void unreachableIsNoData() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MetricFetch fetch = new PrometheusMetricProvider(PrometheusConfig.of("http://127.0.0.1:" + port))
                .fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW);
        assertThat(fetch).isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                .contains("cannot connect to Prometheus at http://127.0.0.1:" + port));
    }

    @Test
    void bearerTokenIsReadForEveryRequest(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "first\n");
        answers = request -> new Answer(200, matrix(series("p", "1")));
        PrometheusMetricProvider provider = new PrometheusMetricProvider(config().withBearerTokenFile(token));

        provider.fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW);
        Files.writeString(token, "rotated");
        provider.fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW);

        assertThat(requests).extracting(Request::authorization).containsExactly("Bearer first", "Bearer first",
                "Bearer rotated", "Bearer rotated");

        Files.delete(token);
        assertThat(provider.fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .contains("cannot read the Prometheus bearer token file"));
    }

    @Test
    void basicAuth() {
        answers = request -> new Answer(200, matrix(series("p", "1")));
        new PrometheusMetricProvider(config().withBasicAuth("ci", "s3cret"))
                .fetch(TARGET, MetricQuery.builtIn("cpu"), WINDOW);
        assertThat(requests.get(0).authorization()).isEqualTo("Basic Y2k6czNjcmV0");
        assertThat(config().withBasicAuth("ci", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void unknownMetricsAndPlaceholders() {
        PrometheusMetricProvider provider = new PrometheusMetricProvider(config());
        assertThat(provider.fetch(TARGET, new MetricQuery("saturation", MetricKind.GAUGE, null, null), WINDOW))
                .isEqualTo(new MetricFetch.NoData("metric 'saturation' has no query and no built-in one; built in "
                        + "are error_rate, latency_p99, latency_mean, throughput, cpu, memory"));
        assertThat(provider.fetch(TARGET, MetricQuery.custom("x", MetricKind.GAUGE, "up{pod=\"{{pod}}\"}"), WINDOW))
                .isInstanceOfSatisfying(MetricFetch.NoData.class, noData -> assertThat(noData.reason())
                        .startsWith("metric 'x': unknown placeholder {{pod}}; known are {{namespace}}"));
        assertThat(requests).isEmpty();
        assertThat(URI.create(config().url().toString())).isNotNull();
    }
}
