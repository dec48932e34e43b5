package io.aidevops.deploy.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in PromQL of {@link PrometheusMetricProvider} and the rendering of templates.
 *
 * <p>The built-ins select by the labels {@code namespace} and {@code track}, which is what Prometheus' Kubernetes
 * pod discovery yields with the usual relabelling (pod labels copied as target labels). They keep one series per
 * pod ({@code sum by (pod)}), so the judge gets a point per pod and step rather than one averaged point per step.
 */
final class PromQlTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final String SELECTOR = "namespace=\"{{namespace}}\",track=\"{{track}}\"";
    private static final String REQUESTS = "http_requests_total{" + SELECTOR + "}";
    private static final String PER_POD_RATE_OF_REQUESTS = "sum by (pod) (rate(" + REQUESTS + "[{{interval}}]))";

    /** Known placeholders. */
    static final java.util.List<String> PLACEHOLDERS = java.util.List.of("namespace", "app", "deployment", "track",
            "interval");

    private PromQlTemplates() {
    }

    /** The default query of a built-in metric. */
    static Optional<String> query(String metric) {
        return Optional.ofNullable(switch (metric) {
            // Pods without any 5xx have no error series at all; "or ... * 0" gives them an explicit zero instead of
            // dropping them, which would hide exactly the healthy pods from the comparison.
            case "error_rate" -> "(sum by (pod) (rate(http_requests_total{" + SELECTOR + ",code=~\"5..\"}"
                    + "[{{interval}}])) or " + PER_POD_RATE_OF_REQUESTS + " * 0) / " + PER_POD_RATE_OF_REQUESTS;
            case "latency_p99" -> "histogram_quantile(0.99, sum by (pod, le) (rate("
                    + "http_request_duration_seconds_bucket{" + SELECTOR + "}[{{interval}}])))";
            case "latency_mean" -> "sum by (pod) (rate(http_request_duration_seconds_sum{" + SELECTOR
                    + "}[{{interval}}])) / sum by (pod) (rate(http_request_duration_seconds_count{" + SELECTOR
                    + "}[{{interval}}]))";
            case "throughput" -> PER_POD_RATE_OF_REQUESTS;
            case "cpu" -> "sum by (pod) (rate(process_cpu_seconds_total{" + SELECTOR + "}[{{interval}}]))";
            case "memory" -> "sum by (pod) (process_resident_memory_bytes{" + SELECTOR + "})";
            default -> null;
        });
    }

    /** The default weight query of a built-in metric: requests per pod and step for the error rate. */
    static Optional<String> weightQuery(String metric) {
        return metric.equals("error_rate")
                ? Optional.of("sum by (pod) (increase(" + REQUESTS + "[{{interval}}]))")
                : Optional.empty();
    }

    /**
     * Fills in the placeholders. Values are escaped for use inside PromQL double-quoted strings.
     *
     * @throws IllegalArgumentException naming an unknown placeholder
     */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {{" + name + "}}; known are "
                        + PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").reduce((a, b) -> a + ", " + b).orElse(""));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.replace("\\", "\\\\")
                    .replace("\"", "\\\"")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
