package io.aidevops.deploy.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.metrics.PrometheusText;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.deploy.plan.DurationText;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.aidevops.deploy.traffic.Track;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fetches metrics from Prometheus' HTTP API ({@code GET /api/v1/query_range}).
 *
 * <p>Each metric is queried twice, once per track, with the template's placeholders filled in for that track:
 * {@code {{namespace}}}, {@code {{app}}}, {@code {{deployment}}} (the stable or canary Deployment's name),
 * {@code {{track}}} ({@code stable}/{@code canary}) and {@code {{interval}}} (the window's step as a PromQL duration,
 * used as the rate window). All series of a result are flattened into one array (each series is usually one pod).
 * Error rates also query their request counts, which become the samples' weights. See {@link MetricQuery} for
 * the built-in metrics.
 *
 * <p>Every failure (unreachable, timeout, HTTP error, Prometheus {@code status: error}, unreadable JSON, no
 * series) is a {@link MetricFetch.NoData} naming the track, the query and the cause. Infinite values (e.g.
 * {@code histogram_quantile} in the {@code +Inf} bucket) cannot be judged and are dropped like NaN; the sample's
 * source says how many.
 */
public final class PrometheusMetricProvider implements MetricProvider {

    /** Prometheus refuses range queries of more points per series than this. */
    private static final long MAX_POINTS = 11_000;
    private static final int BODY_EXCERPT = 300;

    private final PrometheusConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** A provider with its own HTTP client. */
    public PrometheusMetricProvider(PrometheusConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /**
     * @param config where Prometheus is and how to authenticate
     * @param http the client to use
     */
    public PrometheusMetricProvider(PrometheusConfig config, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public MetricFetch fetch(RolloutTarget target, MetricQuery query, AnalysisWindow window) {
        String template = query.query() != null ? query.query() : PromQlTemplates.query(query.name()).orElse(null);
        if (template == null) {
            return new MetricFetch.NoData("metric '" + query.name() + "' has no query and no built-in one; built in "
                    + "are " + String.join(", ", MetricQuery.BUILT_IN));
        }
        String weightTemplate = query.weightQuery() != null ? query.weightQuery()
                : query.query() == null ? PromQlTemplates.weightQuery(query.name()).orElse(null) : null;
        long points = window.duration().toMillis() / Math.max(1, window.step().toMillis()) + 1;
        if (points > MAX_POINTS) {
            return new MetricFetch.NoData("metric '" + query.name() + "': a window of " + window.duration()
                    + " at a step of " + window.step() + " is " + points + " points per series; Prometheus allows "
                    + MAX_POINTS + ". Use a larger step");
        }
        Map<Track, Side> sides = new java.util.EnumMap<>(Track.class);
        StringBuilder source = new StringBuilder();
        for (Track track : Track.values()) {
            String promQl;
            String weightPromQl;
            try {
                Map<String, String> values = placeholders(target, track, window);
                promQl = PromQlTemplates.render(template, values);
                weightPromQl = weightTemplate == null ? null : PromQlTemplates.render(weightTemplate, values);
            } catch (IllegalArgumentException e) {
                return new MetricFetch.NoData("metric '" + query.name() + "': " + e.getMessage());
            }
            try {
                List<Series> series = queryRange(promQl, window);
                List<Series> weights = weightPromQl == null ? null : queryRange(weightPromQl, window);
                Side side = Side.of(series, weights);
                if (side.values.length == 0) {
                    return new MetricFetch.NoData("Prometheus returned no " + track.labelValue() + " data for '"
                            + query.name() + "' between " + window.start() + " and " + window.end() + " (query: "
                            + promQl + ")" + (side.infinite > 0 ? "; " + side.infinite + " infinite values dropped"
                            : ""));
                }
                sides.put(track, side);
                source.append(source.length() == 0 ? "" : "; ").append(track.labelValue()).append(": ")
                        .append(promQl);
                if (weightPromQl != null) {
                    source.append(" weighted by ").append(weightPromQl);
                }
                if (side.infinite > 0) {
                    source.append(" (").append(side.infinite).append(" infinite values dropped)");
                }
            } catch (QueryFailed e) {
                return new MetricFetch.NoData(track.labelValue() + " query for '" + query.name() + "' failed: "
                        + e.getMessage() + " (query: " + e.query + ")");
            }
        }
        Side stable = sides.get(Track.STABLE);
        Side canary = sides.get(Track.CANARY);
        boolean weighted = weightTemplate != null;
        MetricSamples samples = new MetricSamples(stable.values, canary.values, weighted ? stable.weights : null,
                weighted ? canary.weights : null);
        return new MetricFetch.Samples(samples, "prometheus " + config.url() + " " + source);
    }

    private Map<String, String> placeholders(RolloutTarget target, Track track, AnalysisWindow window) {
        Map<String, String> values = new HashMap<>();
        values.put("namespace", target.namespace());
        values.put("app", target.app());
        values.put("deployment", track.deployment(target));
        values.put("track", track.labelValue());
        Duration rateWindow = window.step().compareTo(config.rateWindow()) >= 0 ? window.step() : config.rateWindow();
        values.put("interval", DurationText.format(rateWindow));
        return values;
    }

    /** One range query; the series it returned. */
    private List<Series> queryRange(String promQl, AnalysisWindow window) throws QueryFailed {
        String base = config.url().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/query_range?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)
                + "&start=" + seconds(window.start()) + "&end=" + seconds(window.end())
                + "&step=" + seconds(window.step()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json").GET();
        authenticate(request, promQl);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new QueryFailed(promQl, "Prometheus at " + config.url() + " did not answer within "
                    + DurationText.format(config.timeout()));
        } catch (ConnectException e) {
            throw new QueryFailed(promQl, "cannot connect to Prometheus at " + config.url() + ": " + e);
        } catch (IOException e) {
            throw new QueryFailed(promQl, "cannot reach Prometheus at " + config.url() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailed(promQl, "interrupted while querying Prometheus");
        }
        return parse(promQl, response);
    }

    private void authenticate(HttpRequest.Builder request, String promQl) throws QueryFailed {
        if (config.bearerTokenFile() != null) {
            String token;
            try {
                token = Files.readString(config.bearerTokenFile()).strip();
            } catch (IOException e) {
                throw new QueryFailed(promQl, "cannot read the Prometheus bearer token file "
                        + config.bearerTokenFile() + ": " + e);
            }
            if (token.isEmpty()) {
                throw new QueryFailed(promQl, "the Prometheus bearer token file " + config.bearerTokenFile()
                        + " is empty");
            }
            request.header("Authorization", "Bearer " + token);
        } else if (config.basicAuthUser() != null) {
            String credentials = config.basicAuthUser() + ":" + config.basicAuthPassword();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private List<Series> parse(String promQl, HttpResponse<String> response) throws QueryFailed {
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        boolean success = response.statusCode() / 100 == 2;
        if (body == null || !body.isObject()) {
            throw new QueryFailed(promQl, "Prometheus answered HTTP " + response.statusCode()
                    + (success ? " with a body that is not JSON: " : ": ") + excerpt(response.body()));
        }
        String status = body.path("status").asText("");
        if (!success || !"success".equals(status)) {
            String errorType = body.path("errorType").asText("");
            String error = body.path("error").asText("");
            throw new QueryFailed(promQl, "Prometheus answered HTTP " + response.statusCode()
                    + (errorType.isEmpty() ? "" : ", " + errorType) + (error.isEmpty() ? ", status " + status
                    : ": " + error));
        }
        JsonNode data = body.path("data");
        String resultType = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        List<Series> series = new ArrayList<>();
        switch (resultType) {
            case "matrix" -> {
                for (JsonNode item : result) {
                    series.add(new Series(labels(item.path("metric")), points(promQl, item.path("values"))));
                }
            }
            case "vector" -> {
                for (JsonNode item : result) {
                    series.add(new Series(labels(item.path("metric")), List.of(point(promQl, item.path("value")))));
                }
            }
            case "scalar" -> series.add(new Series(Map.of(), List.of(point(promQl, result))));
            default -> throw new QueryFailed(promQl, "Prometheus answered a result of type '" + resultType
                    + "'; expected a matrix");
        }
        return series;
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metric.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    private static List<Point> points(String promQl, JsonNode values) throws QueryFailed {
        List<Point> points = new ArrayList<>();
        for (JsonNode value : values) {
            points.add(point(promQl, value));
        }
        return points;
    }

    /** {@code [<unix seconds>, "<value>"]}; values are strings so that NaN and ±Inf survive JSON. */
    private static Point point(String promQl, JsonNode pair) throws QueryFailed {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
            throw new QueryFailed(promQl, "Prometheus answered a sample that is not [time, \"value\"]: " + pair);
        }
        try {
            return new Point(pair.get(0).decimalValue().movePointRight(3).longValue(),
                    PrometheusText.parseValue(pair.get(1).asText()));
        } catch (IllegalArgumentException e) {
            throw new QueryFailed(promQl, "Prometheus answered a value that is not a number: " + pair.get(1));
        }
    }

    private static String seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(empty body)" : flat.length() <= BODY_EXCERPT ? flat
                : flat.substring(0, BODY_EXCERPT) + "...";
    }

    /** One series of a result. */
    private record Series(Map<String, String> labels, List<Point> points) {
    }

    /** One sample: milliseconds since the epoch and the value. */
    private record Point(long millis, double value) {
    }

    /** The flattened values of one track, with the weights matched to them. */
    private static final class Side {
        final double[] values;
        final double[] weights;
        final int infinite;

        private Side(double[] values, double[] weights, int infinite) {
            this.values = values;
            this.weights = weights;
            this.infinite = infinite;
        }

        /**
         * Matches each value with the weight of the same series and time; when the weight query returned a single
         * series (e.g. an aggregate) by time alone. A value without a weight gets 0: no requests are known.
         */
        static Side of(List<Series> series, List<Series> weightSeries) {
            Map<Map<String, String>, Map<Long, Double>> weightsBySeries = new HashMap<>();
            if (weightSeries != null) {
                for (Series s : weightSeries) {
                    Map<Long, Double> byTime = weightsBySeries.computeIfAbsent(s.labels(), k -> new HashMap<>());
                    s.points().forEach(p -> byTime.put(p.millis(), p.value()));
                }
            }
            Map<Long, Double> single = weightSeries != null && weightSeries.size() == 1
                    ? weightsBySeries.values().iterator().next() : Map.of();
            List<Double> values = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            int infinite = 0;
            for (Series s : series) {
                Map<Long, Double> own = weightsBySeries.getOrDefault(s.labels(), single);
                for (Point point : s.points()) {
                    if (Double.isInfinite(point.value())) {
                        infinite++;
                        continue;
                    }
                    values.add(point.value());
                    Double weight = own.get(point.millis());
                    weights.add(weight == null || !Double.isFinite(weight) || weight < 0 ? 0.0 : weight);
                }
            }
            boolean anyPresent = values.stream().anyMatch(v -> !Double.isNaN(v));
            return new Side(anyPresent ? values.stream().mapToDouble(Double::doubleValue).toArray() : new double[0],
                    weights.stream().mapToDouble(Double::doubleValue).toArray(), infinite);
        }
    }

    /** A query that produced no series, with the reason. */
    private static final class QueryFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final String query;

        QueryFailed(String query, String message) {
            super(message);
            this.query = query;
        }
    }
}
