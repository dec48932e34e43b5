package io.aidevops.deploy.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutPlanTest {

    @Test
    void defaultPlanStepsToFiftyPercentAndLeavesTheRestToPromotion() {
        RolloutPlan plan = RolloutPlan.defaultPlan(20);
        Analysis fiveLooks = new Analysis(Duration.ofMinutes(1), 5);
        assertThat(plan.steps()).containsExactly(new SetWeight(20), fiveLooks, new SetWeight(50), fiveLooks);
        assertThat(plan.analysisLooks()).isEqualTo(10);
        assertThat(plan.minimumDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.hasManualGate()).isFalse();

        assertThat(RolloutPlan.defaultPlan(60).steps()).containsExactly(new SetWeight(60), fiveLooks);
        assertThatThrownBy(() -> RolloutPlan.defaultPlan(100)).hasMessage(
                "the initial canary weight must be 1 to 99, but is 100");
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> new RolloutPlan(List.of())).hasMessage("a rollout plan needs at least one step");
        assertThatThrownBy(() -> new SetWeight(0)).hasMessage("setWeight must be 1 to 100, but is 0");
        assertThatThrownBy(() -> Pause.of(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Analysis(Duration.ofMinutes(1), 0)).hasMessage(
                "analysis.looks must be at least 1, but is 0");
        // Weights need not increase.
        assertThat(RolloutPlan.of(new SetWeight(50), new SetWeight(10)).steps()).hasSize(2);
    }

    @Test
    void pauseKnowsWhetherItWaitsForAHuman() {
        assertThat(Pause.untilPromoted().indefinite()).isTrue();
        assertThat(Pause.untilPromoted().timeout()).isEmpty();
        assertThat(Pause.of(Duration.ofSeconds(5)).timeout()).contains(Duration.ofSeconds(5));
    }

    @Test
    void durationText() {
        assertThat(DurationText.parse("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("1h")).contains(Duration.ofHours(1));
        assertThat(DurationText.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(DurationText.parse("15")).contains(Duration.ofSeconds(15));
        assertThat(DurationText.parse("1.5m")).isEmpty();
        assertThat(DurationText.parse("m")).isEmpty();
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationText.format(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2h5m");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    }
}
