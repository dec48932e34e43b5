package io.aidevops.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The small value types and parsers of the API layer and the options. */
class SmallPartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT45S, 45s", "PT119S, 119s", "PT2M, 2m", "PT5M30S, 5m30s", "PT10M, 10m", "PT2H59M, 179m",
            "PT3H, 3h", "PT7H15M, 7h15m", "PT47H, 47h", "PT50H, 2d2h", "PT192H, 8d", "PT-0.5S, 0s"})
    void shouldPrintAgesLikeKubectl(Duration duration, String printed) {
        assertThat(HumanDuration.of(duration)).isEqualTo(printed);
    }

    @Test
    void shouldSplitFieldSelectorsBetweenStoreAndFilter() {
        List<String> forStore = new ArrayList<>();

        FieldSelection selection = FieldSelection.split(
                "metadata.name=web,involvedObject.kind==Pod,status.phase!=Failed", forStore);

        assertThat(forStore).containsExactly("metadata.name=web");
        Map<String, Object> pod = Map.of("kind", "Pod");
        assertThat(selection.matches(Map.of("involvedObject", pod, "status", Map.of("phase", "Running")))).isTrue();
        assertThat(selection.matches(Map.of("involvedObject", pod, "status", Map.of("phase", "Failed")))).isFalse();
        assertThat(selection.matches(Map.of())).as("a missing field is the empty string").isFalse();
    }

    @Test
    void shouldParseAndRebuildQueryStrings() {
        QueryString query = QueryString.parse("/api/v1/events?fieldSelector=a%3Db%2Cc%3Dd&limit=500&watch=1");

        assertThat(query.path()).isEqualTo("/api/v1/events");
        assertThat(query.get("fieldSelector")).hasValue("a=b,c=d");
        assertThat(query.isTrue("watch")).isTrue();
        assertThat(query.with("fieldSelector", "a=b").with("watch", "").toUri())
                .isEqualTo("/api/v1/events?limit=500&fieldSelector=a%3Db");
    }

    @Test
    void shouldParseResourcePaths() {
        assertThat(ResourcePath.parse("/apis/apps/v1/namespaces/default/deployments/web/scale"))
                .hasValue(new ResourcePath("apps", "v1", "default", "deployments", "web", "scale"));
        assertThat(ResourcePath.parse("/api/v1/pods")).hasValue(new ResourcePath("", "v1", null, "pods", null, null));
        assertThat(ResourcePath.parse("/api/v1/namespaces")).hasValue(
                new ResourcePath("", "v1", null, "namespaces", null, null));
        assertThat(ResourcePath.parse("/version")).isEmpty();
    }

    @Test
    void shouldStepASimulatedClockForwardOnly() {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .withMessage("A simulated clock cannot go back in time, but the step is PT-1S");
    }

    @Test
    void shouldValidateOptions() {
        EmbeddedClusterOptions defaults = EmbeddedClusterOptions.defaults();

        assertThat(defaults.background()).isTrue();
        assertThat(defaults.readinessDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.reconcileInterval()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(defaults.withSeed(7).withPort(8080).seed()).isEqualTo(7);
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withPort(70_000))
                .withMessage("port must be between 0 and 65535, but is 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withReconcileInterval(Duration.ZERO))
                .withMessage("reconcileInterval must be positive, but is 0");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withReadinessDelay(Duration.ofSeconds(-1)))
                .withMessage("readinessDelay must not be negative, but is PT-1S");
        assertThatNullPointerException().isThrownBy(() -> defaults.withBehaviours(null)).withMessage("behaviours");
    }
}
