package io.aidevops.deploy.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutPlanParserTest {

    @Test
    void readsArgoStyleYaml() {
        RolloutPlan plan = RolloutPlanParser.parse("""
                steps:
                  - setWeight: 20
                  - pause: {duration: 30s}
                  - pause: {}
                  - analysis: {interval: 1m, looks: 5}
                  - setWeight: 50
                  - pause: {duration: 1m30s}
                  - pause:
                  - analysis: {}
                """, "plan.yaml");

        assertThat(plan.steps()).containsExactly(
                new SetWeight(20),
                Pause.of(Duration.ofSeconds(30)),
                Pause.untilPromoted(),
                new Analysis(Duration.ofMinutes(1), 5),
                new SetWeight(50),
                Pause.of(Duration.ofSeconds(90)),
                Pause.untilPromoted(),
                new Analysis(Analysis.DEFAULT_INTERVAL, Analysis.DEFAULT_LOOKS));
        assertThat(plan.analysisLooks()).isEqualTo(10);
        assertThat(plan.hasManualGate()).isTrue();
    }

    @Test
    void readsJson() {
        RolloutPlan plan = RolloutPlanParser.parse("""
                {"steps": [{"setWeight": 10}, {"pause": {"duration": "5m"}},
                           {"analysis": {"interval": "30s", "looks": 3}}, {"pause": {"duration": 45}}]}
                """, "plan.json");

        assertThat(plan.steps()).containsExactly(new SetWeight(10), Pause.of(Duration.ofMinutes(5)),
                new Analysis(Duration.ofSeconds(30), 3), Pause.of(Duration.ofSeconds(45)));
    }

    @Test
    void namesSourceLineColumnStepAndField() {
        assertThatThrownBy(() -> RolloutPlanParser.parse("""
                steps:
                  - setWeight: 20
                  - pause: {}
                  - setWeight: 120
                """, "plan.yaml"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:4:16: steps[2].setWeight must be 1 to 100, but is 120")
                .satisfies(e -> {
                    PlanException plan = (PlanException) e;
                    assertThat(plan.source()).isEqualTo("plan.yaml");
                    assertThat(plan.line()).isEqualTo(4);
                    assertThat(plan.column()).isEqualTo(16);
                });
    }

    @Test
    void rejectsUnknownKeysWithASuggestion() {
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - setweight: 20\n", "plan.yaml"))
                .hasMessage("plan.yaml:2:5: steps[0]: unknown key 'setweight'; did you mean 'setWeight'?");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - analysis: {interval: 1m, look: 3}\n", "p"))
                .hasMessage("p:2:30: steps[0].analysis: unknown key 'look'; did you mean 'looks'?");
        assertThatThrownBy(() -> RolloutPlanParser.parse("stpes: []\n", "p"))
                .hasMessage("p:1:1: the plan: unknown key 'stpes'; did you mean 'steps'?");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - canary: 20\n", "p"))
                .hasMessage("p:2:5: steps[0]: unknown key 'canary'; expected one of setWeight, pause, analysis");
    }

    @Test
    void explainsBadValues() {
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - pause: {duration: soon}\n", "p"))
                .hasMessage("p:2:23: steps[0].pause.duration must be a duration such as 30s, 5m, 1h or 1m30s, "
                        + "but is 'soon'");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - pause: {duration: 0s}\n", "p"))
                .hasMessage("p:2:23: steps[0].pause.duration must be positive, but is 0s; leave it out "
                        + "(pause: {}) to wait for promote");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - analysis: {looks: 0}\n", "p"))
                .hasMessage("p:2:23: steps[0].analysis.looks must be 1 to 10000, but is 0");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - setWeight: twenty\n", "p"))
                .hasMessage("p:2:16: steps[0].setWeight must be a whole number 1 to 100, but is 'twenty'");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - {setWeight: 20, pause: {}}\n", "p"))
                .hasMessage("p:2:5: steps[0] must have exactly one of setWeight, pause, analysis, but has "
                        + "setWeight and pause");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps:\n  - setWeight\n", "p"))
                .hasMessage("p:2:5: steps[0] must be a mapping, but is 'setWeight'");
    }

    @Test
    void explainsBadShapes() {
        assertThatThrownBy(() -> RolloutPlanParser.parse("", "p")).hasMessage(
                "p: the plan is empty; expected a mapping with 'steps'");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps: []\n", "p")).hasMessage(
                "p:1:8: steps is empty; a plan needs at least one step");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps: 3\n", "p")).hasMessage(
                "p:1:8: steps must be a list of steps, but is '3'");
        assertThatThrownBy(() -> RolloutPlanParser.parse("{}\n", "p")).hasMessageStartingWith(
                "p:1:1: the plan has no 'steps'");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps: [\n  {setWeight: 20}\n", "p"))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("p:3:1: not valid YAML or JSON: ");
        assertThatThrownBy(() -> RolloutPlanParser.parse("steps: []\nsteps: []\n", "p"))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("steps");
    }
}
