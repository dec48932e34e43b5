package io.aidevops.monitor.metric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.metrics.PrometheusText;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Points from Prometheus' HTTP API: one instant query ({@code GET /api/v1/query}) per metric template and workload,
 * evaluated at the pass's time.
 *
 * <p>Each series of a result becomes one series of the monitor, keyed by the series' labels ({@code __name__}
 * dropped), so {@code sum(...)} gives one series per workload and {@code max by (pod) (...)} one per pod. Every
 * failure (unreachable, timeout, HTTP error, Prometheus {@code status: error}, a body that is not the API's JSON) is
 * a note naming the metric and the cause; if no metric has a point, the result is {@link MetricResult.NoData} with
 * those notes as the reason. NaN and infinite values are passed on as they are: the pipeline skips and counts them.
 */
public final class PrometheusSource implements MetricSource {

    private static final int BODY_EXCERPT = 200;

    private final PrometheusSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private Instant unreachableInPass;
    private String unreachableReason;

    /** A source with its own HTTP client. */
    public PrometheusSource(PrometheusSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /**
     * @param settings where Prometheus is, how to authenticate and what to ask
     * @param http the client to use
     */
    public PrometheusSource(PrometheusSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return "prometheus";
    }

    /**
     * Runs the workload's queries at {@code now}. Once Prometheus could not be reached or did not answer in time, the
     * remaining queries of the same pass (same {@code now}) are not sent: a pass over many workloads would otherwise
     * wait for one timeout per query.
     */
    @Override
    public synchronized MetricResult collect(Workload workload, Instant now) {
        if (now.equals(unreachableInPass)) {
            return new MetricResult.NoData("not asked: " + unreachableReason + " earlier in this pass");
        }
        List<Sample> samples = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> template : settings.queries().forWorkload(workload).entrySet()) {
            String metric = template.getKey();
            String promQl = QueryTemplates.render(template.getValue(), workload);
            try {
                List<Sample> points = query(workload, metric, promQl, now);
                if (points.isEmpty()) {
                    notes.add(metric + ": Prometheus returned no series for " + promQl);
                }
                samples.addAll(points);
            } catch (QueryFailed e) {
                notes.add(metric + ": " + e.getMessage() + " (query: " + promQl + ")");
                if (e.unreachable) {
                    unreachableInPass = now;
                    unreachableReason = e.getMessage();
                    break;
                }
            }
        }
        if (samples.isEmpty()) {
            return new MetricResult.NoData(notes.isEmpty() ? "no Prometheus queries are configured for "
                    + workload.key() : String.join("; ", notes));
        }
        return new MetricResult.Samples(samples, notes);
    }

    private List<Sample> query(Workload workload, String metric, String promQl, Instant now) throws QueryFailed {
        String base = settings.url().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)
                + "&time=" + seconds(now) + "&timeout=" + settings.timeout().toMillis() + "ms");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").GET();
        authenticate(request);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new QueryFailed("Prometheus at " + settings.url() + " did not answer within "
                    + settings.timeout().toMillis() + " ms", true);
        } catch (IOException e) {
            throw new QueryFailed("cannot reach Prometheus at " + settings.url() + ": " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailed("interrupted while querying Prometheus", true);
        }
        return samples(workload, metric, response);
    }

    /** Reads the token now rather than once, because service-account tokens are rotated under a running process. */
    private void authenticate(HttpRequest.Builder request) throws QueryFailed {
        if (settings.bearerToken() != null) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
            return;
        }
        if (settings.bearerTokenFile() == null) {
            return;
        }
        String token;
        try {
            token = Files.readString(settings.bearerTokenFile()).strip();
        } catch (IOException e) {
            throw new QueryFailed("cannot read the bearer token file " + settings.bearerTokenFile() + ": " + e);
        }
        if (token.isEmpty()) {
            throw new QueryFailed("the bearer token file " + settings.bearerTokenFile() + " is empty");
        }
        request.header("Authorization", "Bearer " + token);
    }

    private List<Sample> samples(Workload workload, String metric, HttpResponse<String> response)
            throws QueryFailed {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        boolean success = response.statusCode() / 100 == 2;
        if (body == null || !body.isObject()) {
            throw new QueryFailed("Prometheus answered HTTP " + response.statusCode()
                    + (success ? " with a body that is not JSON: " : ": ") + excerpt(response.body()));
        }
        String status = body.path("status").asText("");
        if (!success || !"success".equals(status)) {
            String errorType = body.path("errorType").asText("");
            String error = body.path("error").asText("");
            throw new QueryFailed("Prometheus answered HTTP " + response.statusCode()
                    + (errorType.isEmpty() ? "" : ", " + errorType) + (error.isEmpty() ? ", status '" + status + "'"
                    : ": " + error));
        }
        JsonNode data = body.path("data");
        String resultType = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        List<Sample> samples = new ArrayList<>();
        if (resultType.equals("vector") && result.isArray()) {
            for (JsonNode item : result) {
                samples.add(sample(SeriesKey.of(workload, metric, labels(item.path("metric"))), item.path("value")));
            }
        } else if (resultType.equals("scalar")) {
            samples.add(sample(SeriesKey.of(workload, metric), result));
        } else {
            throw new QueryFailed("Prometheus answered a result of type '" + resultType + "' where an instant "
                    + "vector or scalar was expected (a range selector such as [5m] needs a function around it)");
        }
        return samples;
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : metric.properties()) {
            if (!field.getKey().equals("__name__")) {
                labels.put(field.getKey(), field.getValue().asText());
            }
        }
        return labels;
    }

    /** {@code [<unix seconds>, "<value>"]}: values are strings so that NaN and ±Inf survive JSON. */
    private static Sample sample(SeriesKey series, JsonNode pair) throws QueryFailed {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
            throw new QueryFailed("Prometheus answered a sample that is not [time, \"value\"]: " + pair);
        }
        BigDecimal seconds = pair.get(0).decimalValue();
        Instant at = Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        return new Sample(series, at, value(pair.get(1).asText()));
    }

    /** A value as Prometheus writes it: a Go float, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    private static double value(String text) throws QueryFailed {
        try {
            return PrometheusText.parseValue(text);
        } catch (IllegalArgumentException e) {
            throw new QueryFailed("Prometheus answered a value that is not a number: '" + text + "'");
        }
    }

    private static String seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(empty body)" : flat.length() <= BODY_EXCERPT ? flat
                : flat.substring(0, BODY_EXCERPT) + "...";
    }

    /** A query that gave no points, with the reason. */
    private static final class QueryFailed extends Exception {
        private static final long serialVersionUID = 1L;
        /** Prometheus itself was not reached or did not answer, as opposed to refusing this one query. */
        final boolean unreachable;

        QueryFailed(String message) {
            this(message, false);
        }

        QueryFailed(String message, boolean unreachable) {
            super(message);
            this.unreachable = unreachable;
        }
    }
}
