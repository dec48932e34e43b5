package io.aidevops.ai.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP http_requests_total Total number of HTTP requests served, by status code.
            # TYPE http_requests_total counter
            http_requests_total{code="200"} 1027
            http_requests_total{code="500",path="/a \\"quoted\\" \\\\ path"} 3 1700000000000
            http_requests_total{code="503"} 2
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le=".005"} 0
            http_request_duration_seconds_bucket{le="0.1"} 800
            http_request_duration_seconds_bucket{le="1"} 1000
            http_request_duration_seconds_bucket{le="+Inf"} 1032
            http_request_duration_seconds_sum 53.2
            http_request_duration_seconds_count 1032
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes 1.00663296e+08
            odd_gauge NaN
            """;

    @Test
    void parsesCountersHistogramsGaugesAndEscapes() {
        PrometheusText.Exposition exposition = PrometheusText.parse(EXPOSITION);

        assertThat(exposition.types()).containsEntry("http_requests_total", "counter")
                .containsEntry("http_request_duration_seconds", "histogram");
        assertThat(exposition.sum("http_requests_total")).isEqualTo(1032);
        assertThat(exposition.sum("http_requests_total", labels -> labels.get("code").startsWith("5"))).isEqualTo(5);
        assertThat(exposition.samples().get(1).labels())
                .isEqualTo(Map.of("code", "500", "path", "/a \"quoted\" \\ path"));
        assertThat(exposition.histogram("http_request_duration_seconds")).containsExactly(
                new PrometheusText.Bucket(0.005, 0), new PrometheusText.Bucket(0.1, 800),
                new PrometheusText.Bucket(1, 1000), new PrometheusText.Bucket(Double.POSITIVE_INFINITY, 1032));
        assertThat(exposition.sum("process_resident_memory_bytes")).isEqualTo(100_663_296);
        assertThat(exposition.sum("odd_gauge")).isNaN();
        assertThat(exposition.sum("absent")).isNaN();
    }

    @Test
    void namesTheBadLine() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{code=\"200\" 5\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: ");
        assertThatThrownBy(() -> PrometheusText.parse("metric abc\n")).hasMessage(
                "line 1: 'abc' is not a number: metric abc");
        assertThatThrownBy(() -> PrometheusText.parse("{code=\"1\"} 1\n")).hasMessageContaining(
                "expected a metric name");
    }
}
