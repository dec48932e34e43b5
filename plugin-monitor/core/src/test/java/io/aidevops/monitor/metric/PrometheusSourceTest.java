package io.aidevops.monitor.metric;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Prometheus source against a loopback HTTP server answering as Prometheus' HTTP API does. */
class PrometheusSourceTest {

    private static final Workload SHOP = new Workload("shop-ns", "shop", List.of());
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.250Z");

    private HttpServer server;
    private ExecutorService executor;
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Answer> answers = request -> new Answer(500, "unset");
    private final CountDownLatch release = new CountDownLatch(1);

    record Request(String path, Map<String, String> query, String authorization) {
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
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
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
        Request request = new Request(exchange.getRequestURI().getPath(), query,
                exchange.getRequestHeaders().getFirst("Authorization"));
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

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/prom/";
    }

    private PrometheusSettings settings(Map<String, String> queries) {
        return PrometheusSettings.of(url()).withQueries(QueryTemplates.of(queries));
    }

    private static String vector(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", series)
                + "]}}";
    }

    private static String series(String labels, String value) {
        return "{\"metric\":{" + labels + "},\"value\":[1767261600.25,\"" + value + "\"]}";
    }

    @Test
    void instantQueryPerMetricWithPlaceholdersFilledIn() {
        answers = request -> new Answer(200, request.query().get("query").startsWith("sum")
                ? vector(series("", "0.25")) : vector(series("\"__name__\":\"mem\",\"pod\":\"shop-1\"", "1e6"),
                series("\"pod\":\"shop-2\"", "2e6")));
        PrometheusSource source = new PrometheusSource(settings(Map.of(
                "error_rate", "sum(rate(errors{namespace=\"{namespace}\",app=\"{workload}\"}[1m]))",
                "memory", "max by (pod) (mem{namespace=\"{namespace}\"})")));

        MetricResult result = source.collect(SHOP, NOW);

        assertThat(result).isInstanceOfSatisfying(MetricResult.Samples.class, samples -> {
            assertThat(samples.notes()).isEmpty();
            assertThat(samples.samples()).containsExactlyInAnyOrder(
                    new Sample(SeriesKey.of(SHOP, "error_rate"), NOW, 0.25),
                    new Sample(SeriesKey.of(SHOP, "memory", Map.of("pod", "shop-1")), NOW, 1e6),
                    new Sample(SeriesKey.of(SHOP, "memory", Map.of("pod", "shop-2")), NOW, 2e6));
        });
        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/prom/api/v1/query");
            assertThat(request.query()).containsEntry("time", "1767261600.25").containsEntry("timeout", "5000ms");
            assertThat(request.authorization()).isNull();
        });
        assertThat(requests).extracting(request -> request.query().get("query")).contains(
                "sum(rate(errors{namespace=\"shop-ns\",app=\"shop\"}[1m]))");
    }

    @Test
    void scalarResultIsOneSeriesAndSpecialValuesPassThrough() {
        answers = request -> new Answer(200, request.query().get("query").equals("scalar(x)")
                ? "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767261600.25,\"NaN\"]}}"
                : vector(series("", "+Inf")));
        MetricResult result = new PrometheusSource(settings(Map.of("a", "scalar(x)", "b", "y"))).collect(SHOP, NOW);

        assertThat(result).isInstanceOfSatisfying(MetricResult.Samples.class, samples -> assertThat(
                samples.samples()).extracting(Sample::value).containsExactlyInAnyOrder(Double.NaN,
                Double.POSITIVE_INFINITY));
    }

    @Test
    void bearerTokenIsReadFromItsFileForEveryQuery(@TempDir Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "first\n");
        answers = request -> new Answer(200, vector(series("", "1")));
        PrometheusSource source = new PrometheusSource(settings(Map.of("up", "up")).withBearerTokenFile(token));

        source.collect(SHOP, NOW);
        Files.writeString(token, "rotated");
        source.collect(SHOP, NOW.plusSeconds(30));

        assertThat(requests).extracting(Request::authorization).containsExactly("Bearer first", "Bearer rotated");
    }

    @Test
    void fixedBearerTokenIsSentWithEveryQuery() {
        answers = request -> new Answer(200, vector(series("", "1")));
        PrometheusSource source = new PrometheusSource(settings(Map.of("up", "up")).withBearerToken("from-env"));

        source.collect(SHOP, NOW);

        assertThat(requests).extracting(Request::authorization).containsExactly("Bearer from-env");
    }

    @Test
    void missingTokenFileIsNoDataWithoutAsking(@TempDir Path dir) {
        PrometheusSource source = new PrometheusSource(settings(Map.of("up", "up"))
                .withBearerTokenFile(dir.resolve("absent")));

        assertThat(source.collect(SHOP, NOW)).isInstanceOfSatisfying(MetricResult.NoData.class,
                noData -> assertThat(noData.reason()).contains("cannot read the bearer token file"));
        assertThat(requests).isEmpty();
    }

    @Test
    void serverErrorIsNoDataWithPrometheusMessage() {
        answers = request -> new Answer(500, "{\"status\":\"error\",\"errorType\":\"internal\","
                + "\"error\":\"query processing would load too many samples\"}");

        MetricResult result = new PrometheusSource(settings(Map.of("up", "up"))).collect(SHOP, NOW);

        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                .contains("up: Prometheus answered HTTP 500, internal: query processing would load too many samples")
                .contains("(query: up)"));
    }

    @Test
    void badQueryIsNoDataWithBadData() {
        answers = request -> new Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"1:5: parse error: unclosed left parenthesis\"}");

        assertThat(new PrometheusSource(settings(Map.of("x", "sum(("))).collect(SHOP, NOW))
                .isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                        .contains("HTTP 400, bad_data: 1:5: parse error"));
    }

    @Test
    void bodyThatIsNotJsonIsNoData() {
        answers = request -> new Answer(200, "<html>proxy login</html>");

        assertThat(new PrometheusSource(settings(Map.of("up", "up"))).collect(SHOP, NOW))
                .isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                        .contains("HTTP 200 with a body that is not JSON: <html>proxy login</html>"));
    }

    @Test
    void jsonThatIsNotTheApisShapeIsNoData() {
        answers = request -> new Answer(200, vector("{\"metric\":{},\"value\":[\"later\",1]}"));

        assertThat(new PrometheusSource(settings(Map.of("up", "up"))).collect(SHOP, NOW))
                .isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                        .contains("not [time, \"value\"]"));
    }

    @Test
    void rangeVectorIsNoDataSayingWhy() {
        answers = request -> new Answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[]}}");

        assertThat(new PrometheusSource(settings(Map.of("up", "up[5m]"))).collect(SHOP, NOW))
                .isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                        .contains("'matrix'").contains("instant vector"));
    }

    @Test
    void emptyResultIsNoData() {
        answers = request -> new Answer(200, vector());

        assertThat(new PrometheusSource(settings(Map.of("up", "up"))).collect(SHOP, NOW))
                .isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                        .contains("no series"));
    }

    @Test
    void slowPrometheusTimesOutAsNoData() {
        answers = request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, vector(series("", "1")));
        };
        PrometheusSource source = new PrometheusSource(settings(Map.of("up", "up"))
                .withTimeout(Duration.ofMillis(300)));

        long started = System.nanoTime();
        MetricResult result = source.collect(SHOP, NOW);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                .contains("did not answer within 300 ms"));
    }

    @Test
    void afterATimeoutTheRestOfThePassIsNotAsked() {
        answers = request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, vector(series("", "1")));
        };
        PrometheusSource source = new PrometheusSource(settings(Map.of("a", "up", "b", "down"))
                .withTimeout(Duration.ofMillis(300)));

        source.collect(SHOP, NOW);
        MetricResult other = source.collect(new Workload("shop-ns", "cart", List.of()), NOW);

        assertThat(requests).hasSize(1);
        assertThat(other).isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                .isEqualTo("not asked: Prometheus at " + url() + " did not answer within 300 ms earlier in this "
                        + "pass"));
        // The next pass asks again.
        release.countDown();
        assertThat(source.collect(SHOP, NOW.plusSeconds(30))).isInstanceOf(MetricResult.Samples.class);
    }

    @Test
    void unreachablePrometheusIsNoData() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PrometheusSource source = new PrometheusSource(PrometheusSettings.of("http://127.0.0.1:" + port)
                .withQueries(QueryTemplates.of(Map.of("up", "up"))));

        assertThat(source.collect(SHOP, NOW)).isInstanceOfSatisfying(MetricResult.NoData.class,
                noData -> assertThat(noData.reason()).contains("cannot reach Prometheus"));
    }

    @Test
    void oneFailingMetricIsANoteBesideTheOthersPoints() {
        answers = request -> request.query().get("query").equals("good") ? new Answer(200, vector(series("", "3")))
                : new Answer(503, "");

        MetricResult result = new PrometheusSource(settings(Map.of("a", "good", "b", "bad"))).collect(SHOP, NOW);

        assertThat(result).isInstanceOfSatisfying(MetricResult.Samples.class, samples -> {
            assertThat(samples.samples()).extracting(Sample::value).containsExactly(3.0);
            assertThat(samples.notes()).singleElement().asString().startsWith("b: Prometheus answered HTTP 503");
        });
    }

    @Test
    void workloadTemplatesWinOverDefaultsAndValuesAreEscaped() {
        QueryTemplates templates = QueryTemplates.of(Map.of("m", "a{n=\"{namespace}\"}", "k", "keep"))
                .withWorkload("shop-ns", "shop", Map.of("m", "b{w=\"{workload}\"}"));

        assertThat(templates.forWorkload(SHOP)).containsEntry("m", "b{w=\"{workload}\"}")
                .containsEntry("k", "keep");
        assertThat(templates.forWorkload(new Workload("other", "x", List.of()))).containsEntry("m",
                "a{n=\"{namespace}\"}");
        assertThat(QueryTemplates.render("x{w=\"{workload}\"}", new Workload("n", "a\"b\\", List.of())))
                .isEqualTo("x{w=\"a\\\"b\\\\\"}");
    }

    @Test
    void unknownPlaceholderIsRefusedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueryTemplates.of(Map.of("m", "up{job=\"{jobname}\"}")))
                .withMessageContaining("unknown placeholder {jobname}");
    }

    @Test
    void standardTemplatesSelectTheWorkloadsPods() {
        String errorRate = QueryTemplates.render(QueryTemplates.STANDARD.defaults().get("error_rate"), SHOP);

        assertThat(errorRate).contains("namespace=\"shop-ns\",pod=~\"shop-.+\"").contains("code=~\"5..\"");
        assertThat(QueryTemplates.STANDARD.defaults()).containsOnlyKeys("error_rate", "throughput", "latency_p99",
                "cpu", "memory");
    }
}
