package io.aidevops.deploy.metrics;

import io.aidevops.ai.canary.MetricKind;
import io.aidevops.deploy.traffic.RolloutTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Prometheus at {@code AIDEVOPS_PROMETHEUS_URL}, e.g. {@code http://127.0.0.1:9090}. Runs only when
 * the variable is set, and then fails (never skips) if Prometheus cannot be reached: a set variable says one is
 * expected to be there.
 */
@EnabledIfEnvironmentVariable(named = "AIDEVOPS_PROMETHEUS_URL", matches = ".+")
class PrometheusProviderIT {

    private final String url = System.getenv("AIDEVOPS_PROMETHEUS_URL");

    @Test
    void prometheusIsReachable() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/v1/status/buildinfo"))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Prometheus at %s answered %s", url, response.body()).isEqualTo(200);
    }

    @Test
    void rangeQueryOfAConstantGivesAPointPerStepForBothTracks() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AnalysisWindow window = new AnalysisWindow(end.minus(Duration.ofMinutes(5)), end, Duration.ofMinutes(1));
        // vector() needs no scraped series, so this works on an empty Prometheus too.
        MetricQuery query = MetricQuery.custom("constant", MetricKind.GAUGE, "vector(1)");

        MetricFetch fetch = new PrometheusMetricProvider(PrometheusConfig.of(url))
                .fetch(RolloutTarget.conventional("default", "shop"), query, window);

        assertThat(fetch).as(fetch.toString()).isInstanceOf(MetricFetch.Samples.class);
        MetricFetch.Samples samples = (MetricFetch.Samples) fetch;
        assertThat(samples.samples().baseline()).hasSize(6).containsOnly(1.0);
        assertThat(samples.samples().canary()).hasSize(6).containsOnly(1.0);
    }

    @Test
    void badQueryIsNoDataWithPrometheusMessage() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MetricFetch fetch = new PrometheusMetricProvider(PrometheusConfig.of(url)).fetch(
                RolloutTarget.conventional("default", "shop"), MetricQuery.custom("bad", MetricKind.GAUGE, "sum(("),
                new AnalysisWindow(end.minusSeconds(60), end, Duration.ofSeconds(15)));
        assertThat(fetch).isInstanceOfSatisfying(MetricFetch.NoData.class,
                noData -> assertThat(noData.reason()).contains("bad_data"));
    }
}
