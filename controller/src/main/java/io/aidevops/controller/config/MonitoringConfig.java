package io.aidevops.controller.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.aidevops.ai.anomaly.Detectors;

/**
 * {@code monitoring}: the background monitor of deployed workloads.
 *
 * @param enabled    whether {@code aidevops start} runs the monitor
 * @param interval   seconds between two collections
 * @param prometheus the Prometheus HTTP API metrics come from, when there is one
 * @param namespaces the namespaces watched; empty for every namespace the credentials may list
 * @param selector   the labels a watched workload must carry, {@code key=value} terms joined by commas; empty for
 *                   the suite's own label, {@code app.kubernetes.io/managed-by=aidevops}, on everything it deploys
 * @param detector   the streaming anomaly detector each series gets
 * @param forecastHorizon seconds ahead a limit is forecast; one expected to be reached sooner is a predictive alert
 * @param limits     metric name to the value it must stay below (an SLO, e.g. {@code latency_p99: 0.5}); pods' memory
 *                   limits are known without configuration
 */
public record MonitoringConfig(boolean enabled, int interval, Optional<Prometheus> prometheus, List<String> namespaces,
        Optional<String> selector, String detector, int forecastHorizon, Map<String, Double> limits) {
    static final int DEFAULT_INTERVAL = 30;

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    // Equality terms only (the monitor's informers select by labels that must all match), in Kubernetes' label
    // syntax: an optional DNS-subdomain prefix and a name of at most 63 characters that starts and ends
    // alphanumeric; a value likewise, or empty.
    private static final String LABEL_NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
    private static final Pattern SELECTOR_TERM = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?"
            + LABEL_NAME + "\\s*==?\\s*(" + LABEL_NAME + ")?");

    /**
     * {@code monitoring.prometheus}.
     *
     * @param url         base URL of the Prometheus HTTP API, e.g. {@code http://prometheus:9090}
     * @param bearerToken sent as {@code Authorization: Bearer}, when Prometheus sits behind a proxy that wants one;
     *                    a token from a file is read again on every request, so a rotated token is picked up
     * @param queries     metric name to PromQL, with {@code {namespace}} and {@code {workload}} filled in per
     *                    workload; empty for the monitor's built-in queries
     */
    public record Prometheus(URI url, Optional<Secret> bearerToken, Map<String, String> queries) {
        public Prometheus {
            queries = Map.copyOf(queries);
        }
    }

    static final int DEFAULT_FORECAST_HORIZON = 3_600;

    public MonitoringConfig {
        namespaces = List.copyOf(namespaces);
        limits = Map.copyOf(limits);
    }

    static MonitoringConfig read(ConfigSection s) {
        var enabled = s.bool("enabled", true);
        // At most an hour: a pass that comes later than that finds pods' previous scrapes forgotten.
        var interval = s.integer("interval", DEFAULT_INTERVAL, 1, 3_600);
        var namespaces = List.copyOf(new java.util.LinkedHashSet<>(s.textList("namespaces")));
        for (String namespace : namespaces) {
            if (!NAMESPACE.matcher(namespace).matches()) {
                s.problem("namespaces", "'" + namespace + "' is not a Kubernetes namespace name (lower-case "
                        + "letters, digits and '-', at most 63)");
            }
        }
        var selector = s.optionalText("selector");
        selector.ifPresent(text -> {
            for (String term : text.split(",")) {
                if (!SELECTOR_TERM.matcher(term.strip()).matches()) {
                    s.problem("selector", "'" + term.strip() + "' is not a label term such as app=web "
                            + "(the monitor selects by labels that must all match)");
                }
            }
        });
        var detector = s.text("detector", Detectors.DEFAULT);
        if (!Detectors.names().contains(detector)) {
            s.problem("detector", "unknown detector '" + detector + "'; known: " + String.join(", ",
                    Detectors.names()));
            detector = Detectors.DEFAULT;
        }
        var forecastHorizon = s.integer("forecast_horizon", DEFAULT_FORECAST_HORIZON, 60, 7 * 86_400);
        var l = s.section("limits");
        var limits = new java.util.LinkedHashMap<String, Double>();
        l.texts().forEach((metric, text) -> {
            try {
                double limit = Double.parseDouble(text);
                if (Double.isFinite(limit) && limit > 0) {
                    limits.put(metric, limit);
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            l.problem(metric, "expected a positive number (the value " + metric + " must stay below), found '" + text
                    + "'");
        });
        l.finish();
        var p = s.section("prometheus");
        var url = p.optionalText("url").flatMap(u -> httpUrl(p, "url", u));
        var token = p.secret("bearer_token");
        var q = p.section("queries");
        var queries = q.texts();
        try {
            io.aidevops.monitor.metric.QueryTemplates.of(queries);
        } catch (IllegalArgumentException e) {
            p.problem("queries", e.getMessage());
        }
        queries.forEach((metric, query) -> {
            if (!query.contains("{namespace}") && !query.contains("{workload}")) {
                // Without them every workload would take in every series of the cluster.
                q.problem(metric, "the query names neither {namespace} nor {workload}, so it would be the same "
                        + "for every workload");
            }
        });
        q.finish();
        if (url.isEmpty() && token.isPresent()) {
            p.problem("bearer_token", "a bearer token needs monitoring.prometheus.url");
        }
        if (url.isEmpty() && !queries.isEmpty()) {
            p.problem("queries", "queries need monitoring.prometheus.url");
        }
        p.finish();
        s.finish();
        return new MonitoringConfig(enabled, interval, url.map(u -> new Prometheus(u, token, queries)), namespaces,
                selector, detector, forecastHorizon, limits);
    }

    /** The selector's labels, in the order written; empty when no selector is set. */
    public java.util.Map<String, String> selectorLabels() {
        var labels = new java.util.LinkedHashMap<String, String>();
        selector.ifPresent(text -> {
            for (String term : text.split(",")) {
                String[] parts = term.split("==?", 2);
                labels.put(parts[0].strip(), parts[1].strip());
            }
        });
        return labels;
    }

    static Optional<URI> httpUrl(ConfigSection s, String key, String text) {
        try {
            var uri = URI.create(text);
            if (uri.getUserInfo() != null) {
                // Credentials in a URL end up in every place the URL is shown.
                s.problem(key, "the URL carries credentials, which would be shown wherever the URL is; "
                        + "put a token in monitoring.prometheus.bearer_token instead");
                return Optional.empty();
            }
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below with the same message as a URL of the wrong scheme
        }
        // The text is not repeated: a URL that does not parse may hide a password with a '#' in it.
        s.problem(key, "expected an http:// or https:// URL with a host, such as http://prometheus:9090");
        return Optional.empty();
    }
}
