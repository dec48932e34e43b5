package io.aidevops.deploy.metrics;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Prometheus.
 *
 * @param url the base URL, e.g. {@code http://prometheus:9090} (a path prefix such as {@code /prometheus} is kept)
 * @param timeout how long one query may take, connecting included
 * @param bearerTokenFile a file holding a bearer token, read for every request (tokens rotate); or null
 * @param basicAuthUser user for basic authentication, or null
 * @param basicAuthPassword password for basic authentication, or null
 * @param rateWindow the shortest window of {@code rate()} in queries ({@code {{interval}}} is the longer of this and
 *        the query step): a rate needs two scrapes in its window, so this must be at least twice the scrape interval
 */
public record PrometheusConfig(URI url, Duration timeout, Path bearerTokenFile, String basicAuthUser,
        String basicAuthPassword, Duration rateWindow) {

    /** Twice Prometheus' most common scrape interval of 15 s. */
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(30);

    /** The timeout when none is given: long enough for a range query over an hour, short enough for a tick. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** @throws IllegalArgumentException if the URL is not http(s), the timeout not positive, or both auths given */
    public PrometheusConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the Prometheus URL must be http or https, but is " + url);
        }
        Objects.requireNonNull(rateWindow, "rateWindow");
        if (rateWindow.isZero() || rateWindow.isNegative()) {
            throw new IllegalArgumentException("the Prometheus rate window must be positive, but is " + rateWindow);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the Prometheus timeout must be positive, but is " + timeout);
        }
        if (bearerTokenFile != null && basicAuthUser != null) {
            throw new IllegalArgumentException("use a bearer token file or basic authentication for Prometheus, "
                    + "not both");
        }
        if ((basicAuthUser == null) != (basicAuthPassword == null)) {
            throw new IllegalArgumentException("basic authentication for Prometheus needs both user and password");
        }
    }

    /** Prometheus at {@code url} without authentication and the default timeout. */
    public static PrometheusConfig of(String url) {
        return new PrometheusConfig(URI.create(url), DEFAULT_TIMEOUT, null, null, null, DEFAULT_RATE_WINDOW);
    }

    /** This configuration with another timeout. */
    public PrometheusConfig withTimeout(Duration value) {
        return new PrometheusConfig(url, value, bearerTokenFile, basicAuthUser, basicAuthPassword, rateWindow);
    }

    /** This configuration with a bearer token read from {@code file} on every request. */
    public PrometheusConfig withBearerTokenFile(Path file) {
        return new PrometheusConfig(url, timeout, file, null, null, rateWindow);
    }

    /** This configuration with basic authentication. */
    public PrometheusConfig withBasicAuth(String user, String password) {
        return new PrometheusConfig(url, timeout, null, user, password, rateWindow);
    }

    /** This configuration with another shortest rate window. */
    public PrometheusConfig withRateWindow(Duration value) {
        return new PrometheusConfig(url, timeout, bearerTokenFile, basicAuthUser, basicAuthPassword, value);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "PrometheusConfig[url=" + url + ", timeout=" + timeout + ", bearerTokenFile=" + bearerTokenFile
                + ", basicAuthUser=" + basicAuthUser + ", rateWindow=" + rateWindow + (basicAuthPassword == null ? "" : ", basicAuthPassword=***")
                + "]";
    }
}
