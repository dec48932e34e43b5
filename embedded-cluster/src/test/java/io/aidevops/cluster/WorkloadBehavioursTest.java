package io.aidevops.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkloadBehavioursTest {

    private final WorkloadBehaviours builtIn = WorkloadBehaviours.builtIn();

    @ParameterizedTest(name = "{0} has tag {1}")
    @CsvSource({
            "shop, latest",
            "shop:v2, v2",
            "registry.local:5000/team/shop:1.4-bad, 1.4-bad",
            "registry.local:5000/team/shop, latest",
            "shop:v3@sha256:abcdef, v3",
            "shop@sha256:abcdef, latest"})
    void shouldFindTheTagOfAnImageReference(String image, String tag) {
        assertThat(WorkloadBehaviours.tagOf(image)).isEqualTo(tag);
    }

    @Test
    void shouldKeepHealthyTagsHealthy() {
        assertThat(builtIn.forImage("shop:v2")).isEqualTo(WorkloadBehaviour.healthy());
        assertThat(builtIn.forImage("badger:v1")).as("only the tag counts").isEqualTo(WorkloadBehaviour.healthy());
    }

    @Test
    void shouldMakeBadTagsErrorProneAndSlow() {
        WorkloadBehaviour bad = builtIn.forImage("shop:v2-BAD");

        assertThat(bad.errorRatio()).isBetween(0.05, 0.10);
        assertThat(bad.latencyMedian()).isEqualTo(Duration.ofMillis(100));
        assertThat(bad.failureMode()).isEqualTo(FailureMode.NONE);
    }

    @Test
    void shouldLeakCrashAndOomByTag() {
        assertThat(builtIn.forImage("cache:2.1-leak").memoryGrowthBytesPerSecond()).isEqualTo(2L * 1024 * 1024);
        assertThat(builtIn.forImage("worker:crash").failureMode()).isEqualTo(FailureMode.CRASH_LOOP);
        assertThat(builtIn.forImage("worker:oom-1").failureMode()).isEqualTo(FailureMode.OOM);
        assertThat(builtIn.forImage("worker:bad-crash").failureMode()).as("crash takes precedence")
                .isEqualTo(FailureMode.CRASH_LOOP);
    }

    @Test
    void shouldLetANewRuleTakePrecedence() {
        WorkloadBehaviour slow = WorkloadBehaviour.healthy().withLatencyMedian(Duration.ofSeconds(1));

        WorkloadBehaviours custom = builtIn.withRule("^canary-", slow);

        assertThat(custom.forImage("shop:canary-bad")).isEqualTo(slow);
        assertThat(custom.forImage("shop:v1-bad")).isEqualTo(builtIn.forImage("shop:v1-bad"));
        assertThat(builtIn.rules()).hasSize(4);
        assertThat(WorkloadBehaviours.allBehavingAs(slow).forImage("shop:bad")).isEqualTo(slow);
    }

    @Test
    void shouldRejectImpossibleBehaviours() {
        WorkloadBehaviour healthy = WorkloadBehaviour.healthy();

        assertThatIllegalArgumentException().isThrownBy(() -> healthy.withErrorRatio(1.5))
                .withMessage("errorRatio must be between 0 and 1, but is 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> healthy.withLatencyMedian(Duration.ZERO))
                .withMessage("latencyMedian must be positive, but is PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> healthy.withRequestsPerSecond(Double.NaN))
                .withMessage("requestsPerSecond must be a finite number of at least 0, but is NaN");
    }
}
