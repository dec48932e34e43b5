package io.aidevops.monitor.metric;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextExpositionTest {

    @Test
    void readsSamplesLabelsSpecialValuesAndTimestamps() {
        TextExposition exposition = TextExposition.parse("""
                # HELP http_requests_total Requests.
                # TYPE http_requests_total counter
                http_requests_total{code="200",path="/a \\"b\\""} 90
                http_requests_total{code="500"} 10 1767261600000
                process_resident_memory_bytes 1.5e+08
                weird{le="+Inf"} NaN
                up -Inf
                """);

        assertThat(exposition.samples()).hasSize(5);
        assertThat(exposition.samples().get(0).labels()).isEqualTo(Map.of("code", "200", "path", "/a \"b\""));
        assertThat(exposition.sum("http_requests_total")).isEqualTo(100);
        assertThat(exposition.sum("http_requests_total", labels -> "500".equals(labels.get("code")))).isEqualTo(10);
        assertThat(exposition.sum("process_resident_memory_bytes")).isEqualTo(1.5e8);
        assertThat(exposition.sum("weird")).isNaN();
        assertThat(exposition.sum("up")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(exposition.sum("absent")).isNaN();
    }

    @Test
    void namesTheBrokenLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> TextExposition.parse("ok 1\nbroken{a=\"x\" 2\n"))
                .withMessageStartingWith("line 2:");
        assertThatIllegalArgumentException().isThrownBy(() -> TextExposition.parse("value abc"))
                .withMessageContaining("'abc' is not a number");
    }
}
