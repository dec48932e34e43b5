package io.aidevops.monitor.metric;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Prometheus at {@code AIDEVOPS_PROMETHEUS_URL} (CI starts one with {@code .ci/prometheus}). Runs only
 * when the variable is set, and then fails rather than skips if Prometheus cannot be reached.
 */
@EnabledIfEnvironmentVariable(named = "AIDEVOPS_PROMETHEUS_URL", matches = ".+")
class PrometheusSourceIT {

    private static final Workload SHOP = new Workload("default", "shop", List.of());

    private final String url = System.getenv("AIDEVOPS_PROMETHEUS_URL");

    @Test
    void instantQueriesGivePointsAtTheRequestedTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // vector() and scalar() need no scraped series, so this works on an empty Prometheus too.
        PrometheusSource source = new PrometheusSource(PrometheusSettings.of(url).withQueries(QueryTemplates.of(
                Map.of("constant", "vector(1)", "labelled", "label_replace(vector(2), \"ns\", \"{namespace}\", "
                        + "\"\", \"\")", "scalar", "scalar(vector(3))"))));

        MetricResult result = source.collect(SHOP, now);

        assertThat(result).as(result.toString()).isInstanceOfSatisfying(MetricResult.Samples.class, samples -> {
            assertThat(samples.notes()).isEmpty();
            assertThat(samples.samples()).containsExactlyInAnyOrder(
                    new Sample(SeriesKey.of(SHOP, "constant"), now, 1),
                    new Sample(SeriesKey.of(SHOP, "labelled", Map.of("ns", "default")), now, 2),
                    new Sample(SeriesKey.of(SHOP, "scalar"), now, 3));
        });
    }

    @Test
    void badQueryIsNoDataWithPrometheusMessage() {
        MetricResult result = new PrometheusSource(PrometheusSettings.of(url)
                .withQueries(QueryTemplates.of(Map.of("bad", "sum((")))).collect(SHOP, Instant.now());

        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class,
                noData -> assertThat(noData.reason()).contains("bad_data"));
    }

    @Test
    void unknownSeriesIsNoDataNotAnError() {
        MetricResult result = new PrometheusSource(PrometheusSettings.of(url).withQueries(QueryTemplates.of(
                Map.of("absent", "aidevops_never_exported{namespace=\"{namespace}\"}")))).collect(SHOP,
                Instant.now());

        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class,
                noData -> assertThat(noData.reason()).contains("no series"));
    }
}
