package io.aidevops.monitor.metric;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Prometheus and what to ask it.
 *
 * @param url the base URL, e.g. {@code http://prometheus:9090}; a path prefix such as {@code /prometheus} is kept
 * @param timeout how long one query may take, connecting included; also sent to Prometheus as the query timeout
 * @param bearerTokenFile a file holding a bearer token, read for every query so that rotated tokens are picked up;
 *        or null
 * @param bearerToken a token that does not change (one from an environment variable), or null; with neither, no
 *        authentication
 * @param queries the instant queries per workload
 */
public record PrometheusSettings(URI url, Duration timeout, Path bearerTokenFile, String bearerToken,
        QueryTemplates queries) {

    /** Long enough for a loaded Prometheus, short enough that a pass over many workloads ends in time. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException if the URL is not http(s) or the timeout not positive */
    public PrometheusSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(queries, "queries");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the Prometheus URL must be http or https, but is " + url);
        }
        if (bearerTokenFile != null && bearerToken != null) {
            throw new IllegalArgumentException("give a bearer token or a file to read it from, not both");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the Prometheus timeout must be positive, but is " + timeout);
        }
    }

    /** Prometheus at {@code url}, no authentication, the default timeout and {@link QueryTemplates#STANDARD}. */
    public static PrometheusSettings of(String url) {
        return new PrometheusSettings(URI.create(url), DEFAULT_TIMEOUT, null, null, QueryTemplates.STANDARD);
    }

    /** These settings with another timeout. */
    public PrometheusSettings withTimeout(Duration value) {
        return new PrometheusSettings(url, value, bearerTokenFile, bearerToken, queries);
    }

    /** These settings with a bearer token read from {@code file} for every query. */
    public PrometheusSettings withBearerTokenFile(Path file) {
        return new PrometheusSettings(url, timeout, file, null, queries);
    }

    /** These settings with a bearer token that does not change. */
    public PrometheusSettings withBearerToken(String token) {
        return new PrometheusSettings(url, timeout, null, java.util.Objects.requireNonNull(token, "token"), queries);
    }

    /** These settings with other queries. */
    public PrometheusSettings withQueries(QueryTemplates value) {
        return new PrometheusSettings(url, timeout, bearerTokenFile, bearerToken, value);
    }
}
