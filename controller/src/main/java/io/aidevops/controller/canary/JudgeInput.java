package io.aidevops.controller.canary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aidevops.ai.canary.Direction;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.Look;
import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.ai.canary.Thresholds;

/**
 * Reads judge requests from JSON: one object, or many as JSON Lines. Every problem names the field as a path
 * ({@code metrics[0].baseline[4]}), and for JSON Lines the line, so a user can find it.
 *
 * <p>A request: {@code {"metrics":[{"name":"latency_p99","kind":"latency","direction":"increase",
 * "baseline":[...],"canary":[...],"critical":false}],"thresholds":{"pass":95,"marginal":75}}}. Optional per metric:
 * {@code muted}, {@code must_have_data}, {@code group}, {@code allowed_increase}, {@code allowed_decrease},
 * {@code min_samples}, and for error rates {@code baseline_requests}/{@code canary_requests} (request counts behind
 * each value). Optional per request: {@code group_weights} and {@code look} ({@code {"index":2,"total":5}}).
 * {@code null} in a series is a missing scrape.
 */
public final class JudgeInput {

    // Trailing tokens make a document of several objects fail as one document, so it is read as JSON Lines.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> REQUEST_KEYS = Set.of("metrics", "thresholds", "group_weights", "look");
    private static final Set<String> METRIC_KEYS = Set.of("name", "kind", "direction", "baseline", "canary",
            "critical", "muted", "must_have_data", "group", "allowed_increase", "allowed_decrease", "min_samples",
            "baseline_requests", "canary_requests");

    private JudgeInput() {
    }

    /**
     * One line of input: its number and either a request or what is wrong with it.
     *
     * @param line 1-based line number (1 for a single object)
     * @param request the request, or null if it is bad
     * @param error what is wrong, or null
     */
    public record Entry(int line, JudgeRequest request, String error) {
    }

    /** Reads {@code text}: a single JSON object (possibly over many lines) or JSON Lines. */
    public static List<Entry> read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of(new Entry(1, null, "the input is empty; expected a JSON object or JSON Lines"));
        }
        try {
            return List.of(entry(1, MAPPER.readTree(trimmed)));
        } catch (JsonProcessingException e) {
            // Not one JSON document: read it as JSON Lines below.
        }
        var entries = new ArrayList<Entry>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                entries.add(entry(i + 1, MAPPER.readTree(lines[i])));
            } catch (JsonProcessingException e) {
                entries.add(new Entry(i + 1, null, "line " + (i + 1) + ": not valid JSON: "
                        + e.getOriginalMessage()));
            }
        }
        return entries;
    }

    /** Parses one request object (the REST API's body). */
    public static JudgeRequest parse(JsonNode node) {
        return request(node);
    }

    private static Entry entry(int line, JsonNode node) {
        try {
            return new Entry(line, request(node), null);
        } catch (IllegalArgumentException e) {
            return new Entry(line, null, "line " + line + ": " + e.getMessage());
        }
    }

    private static JudgeRequest request(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a request must be a JSON object");
        }
        unknownKeys(node, REQUEST_KEYS, "");
        JsonNode metrics = node.get("metrics");
        if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must be a non-empty array");
        }
        var inputs = new ArrayList<MetricInput>();
        for (int i = 0; i < metrics.size(); i++) {
            inputs.add(metric(metrics.get(i), "metrics[" + i + "]"));
        }
        Thresholds thresholds = Thresholds.DEFAULT;
        JsonNode t = node.get("thresholds");
        if (t != null) {
            if (!t.isObject()) {
                throw new IllegalArgumentException("thresholds must be an object with pass and marginal");
            }
            unknownKeys(t, Set.of("pass", "marginal"), "thresholds.");
            double pass = number(t, "pass", "thresholds.pass", Thresholds.DEFAULT.pass());
            double marginal = number(t, "marginal", "thresholds.marginal", Thresholds.DEFAULT.marginal());
            try {
                thresholds = new Thresholds(pass, marginal);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("thresholds: " + e.getMessage());
            }
        }
        Map<String, Double> weights = new HashMap<>();
        JsonNode w = node.get("group_weights");
        if (w != null) {
            if (!w.isObject()) {
                throw new IllegalArgumentException("group_weights must be an object of group: per cent");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                var field = it.next();
                weights.put(field.getKey(), number(w, field.getKey(), "group_weights." + field.getKey(), 0));
            }
        }
        Look look = Look.ONLY;
        JsonNode l = node.get("look");
        if (l != null) {
            int index = integer(l, "index", "look.index", 1);
            int total = integer(l, "total", "look.total", 1);
            try {
                look = new Look(index, total);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("look: " + e.getMessage());
            }
        }
        try {
            return new JudgeRequest(inputs, thresholds, weights, look);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static MetricInput metric(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        unknownKeys(node, METRIC_KEYS, path + ".");
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException(path + ".name is missing");
        }
        MetricKind kind = choice(node, "kind", path, MetricKind.class, MetricKind.GAUGE);
        MetricSpec spec = MetricSpec.of(name.asText(), kind);
        Direction direction = choice(node, "direction", path, Direction.class, kind.defaultDirection());
        spec = spec.withDirection(direction).withCritical(bool(node, "critical", path))
                .withMuted(bool(node, "muted", path)).withMustHaveData(bool(node, "must_have_data", path));
        if (node.has("group")) {
            spec = spec.withGroup(node.get("group").asText());
        }
        double increase = number(node, "allowed_increase", path + ".allowed_increase", spec.allowedIncrease());
        double decrease = number(node, "allowed_decrease", path + ".allowed_decrease", spec.allowedDecrease());
        int minSamples = integer(node, "min_samples", path + ".min_samples", spec.minSamples());
        try {
            spec = spec.withTolerance(increase, decrease).withMinSamples(minSamples);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
        double[] baseline = series(node, "baseline", path, true);
        double[] canary = series(node, "canary", path, true);
        double[] baselineRequests = series(node, "baseline_requests", path, false);
        double[] canaryRequests = series(node, "canary_requests", path, false);
        try {
            return new MetricInput(spec, new MetricSamples(baseline, canary, baselineRequests, canaryRequests));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    private static double[] series(JsonNode node, String key, String path, boolean required) {
        JsonNode values = node.get(key);
        if (values == null || values.isNull()) {
            if (required) {
                throw new IllegalArgumentException(path + "." + key + " is missing");
            }
            return null;
        }
        if (!values.isArray()) {
            throw new IllegalArgumentException(path + "." + key + " must be an array of numbers");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(path + "." + key + " is empty");
        }
        double[] result = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (value.isNull()) {
                result[i] = Double.NaN;
            } else if (value.isNumber()) {
                result[i] = value.asDouble();
                if (Double.isInfinite(result[i])) {
                    throw new IllegalArgumentException(path + "." + key + "[" + i + "] is too large");
                }
            } else {
                throw new IllegalArgumentException(path + "." + key + "[" + i + "] is " + value
                        + "; expected a number (null for a missing point)");
            }
        }
        return result;
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String key, String path, Class<E> type, E fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            var allowed = new ArrayList<String>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(path + "." + key + " is '" + value.asText() + "'; allowed: "
                    + String.join(", ", allowed));
        }
    }

    private static boolean bool(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + "." + key + " must be true or false, but is " + value);
        }
        return value.asBoolean();
    }

    private static double number(JsonNode node, String key, String path, double fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, but is " + value);
        }
        return value.asDouble();
    }

    private static int integer(JsonNode node, String key, String path, int fallback) {
        double value = number(node, key, path, fallback);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + " must be a whole number, but is " + node.get(key));
        }
        return (int) value;
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown field " + prefix + key + "; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
