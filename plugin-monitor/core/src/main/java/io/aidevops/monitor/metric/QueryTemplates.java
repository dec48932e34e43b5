package io.aidevops.monitor.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL instant queries to run per workload, by metric name, with the placeholders {@code {namespace}} and
 * {@code {workload}}. Every workload gets the defaults; a workload may replace some or add its own.
 *
 * <p>Placeholder values are escaped for PromQL double-quoted strings. Any other {@code {word}} is refused when the
 * templates are made: a bare word in braces is never valid PromQL, so it can only be a misspelt placeholder.
 *
 * @param defaults metric name to template, for every workload
 * @param byWorkload {@code namespace/workload} to that workload's own templates, which win over the defaults
 */
public record QueryTemplates(Map<String, String> defaults, Map<String, Map<String, String>> byWorkload) {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("namespace", "workload");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String POD_SELECTOR = "namespace=\"{namespace}\",pod=~\"{workload}-.+\"";

    /**
     * Queries for pods scraped with the usual Kubernetes relabelling (labels {@code namespace} and {@code pod}) that
     * export {@code http_requests_total{code}}, {@code http_request_duration_seconds} and the process collector's
     * series, as the embedded cluster's pods do. Pods are matched by the {@code <deployment>-} prefix of their names.
     */
    public static final QueryTemplates STANDARD = new QueryTemplates(standard(), Map.of());

    /** Copies and checks the templates. */
    public QueryTemplates {
        defaults = checked(defaults);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byWorkload.forEach((workload, templates) -> copy.put(workload, checked(templates)));
        byWorkload = Collections.unmodifiableMap(copy);
    }

    /** The same default templates for every workload. */
    public static QueryTemplates of(Map<String, String> defaults) {
        return new QueryTemplates(defaults, Map.of());
    }

    /** These templates with {@code templates} for the workload {@code namespace/workload} on top. */
    public QueryTemplates withWorkload(String namespace, String workload, Map<String, String> templates) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byWorkload);
        copy.put(namespace + "/" + workload, templates);
        return new QueryTemplates(defaults, copy);
    }

    /** The templates of one workload by metric name: the defaults with its own on top. */
    public Map<String, String> forWorkload(Workload workload) {
        Map<String, String> templates = new LinkedHashMap<>(defaults);
        templates.putAll(byWorkload.getOrDefault(workload.key(), Map.of()));
        return templates;
    }

    /** The template with the workload's values filled in. */
    public static String render(String template, Workload workload) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder query = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1).equals("namespace") ? workload.namespace() : workload.name();
            matcher.appendReplacement(query, Matcher.quoteReplacement(escape(value)));
        }
        matcher.appendTail(query);
        return query.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> checked(Map<String, String> templates) {
        Map<String, String> copy = new LinkedHashMap<>();
        templates.forEach((metric, template) -> {
            Objects.requireNonNull(template, "template of " + metric);
            if (metric.isBlank()) {
                throw new IllegalArgumentException("a query template needs a metric name: " + template);
            }
            Matcher matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                if (!PLACEHOLDERS.contains(matcher.group(1))) {
                    throw new IllegalArgumentException("the query of '" + metric + "' uses the unknown placeholder "
                            + matcher.group() + "; known are {namespace} and {workload}");
                }
            }
            copy.put(metric, template);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> standard() {
        String requests = "http_requests_total{" + POD_SELECTOR + "}";
        String errors = "http_requests_total{" + POD_SELECTOR + ",code=~\"5..\"}";
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("error_rate", "sum(rate(" + errors + "[2m])) / sum(rate(" + requests + "[2m]))");
        templates.put("throughput", "sum(rate(" + requests + "[2m]))");
        templates.put("latency_p99", "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{"
                + POD_SELECTOR + "}[2m])))");
        templates.put("cpu", "sum(rate(process_cpu_seconds_total{" + POD_SELECTOR + "}[2m]))");
        templates.put("memory", "max(process_resident_memory_bytes{" + POD_SELECTOR + "})");
        return templates;
    }
}
