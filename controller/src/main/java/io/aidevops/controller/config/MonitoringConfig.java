package io.aidevops.controller.config;

import java.net.URI;
import java.util.Optional;

/**
 * {@code monitoring}: the background monitor of deployed workloads.
 *
 * @param enabled    whether {@code aidevops start} runs the monitor
 * @param interval   seconds between two collections
 * @param prometheus the Prometheus HTTP API metrics come from, when there is one
 */
public record MonitoringConfig(boolean enabled, int interval, Optional<Prometheus> prometheus) {
    static final int DEFAULT_INTERVAL = 30;

    /**
     * {@code monitoring.prometheus}.
     *
     * @param url         base URL of the Prometheus HTTP API, e.g. {@code http://prometheus:9090}
     * @param bearerToken sent as {@code Authorization: Bearer}, when Prometheus sits behind a proxy that wants one
     */
    public record Prometheus(URI url, Optional<Secret> bearerToken) {
    }

    static MonitoringConfig read(ConfigSection s) {
        var enabled = s.bool("enabled", true);
        var interval = s.integer("interval", DEFAULT_INTERVAL, 1, 86_400);
        var p = s.section("prometheus");
        var url = p.optionalText("url").flatMap(u -> httpUrl(p, "url", u));
        var token = p.secret("bearer_token");
        if (url.isEmpty() && token.isPresent()) {
            p.problem("bearer_token", "a bearer token needs monitoring.prometheus.url");
        }
        p.finish();
        s.finish();
        return new MonitoringConfig(enabled, interval, url.map(u -> new Prometheus(u, token)));
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
