package io.aidevops.deploy.rollout;

import java.util.ArrayList;

import io.aidevops.deploy.plan.Analysis;
import io.aidevops.deploy.plan.DurationText;
import io.aidevops.deploy.plan.Pause;
import io.aidevops.deploy.plan.PlanStep;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.SetWeight;

/** Writes a plan in the plan file format (as JSON, which the YAML plan reader reads), to store it with a rollout. */
public final class PlanText {

    private PlanText() {
    }

    /** The plan as a JSON document that {@code RolloutPlanParser} reads back to an equal plan. */
    public static String render(RolloutPlan plan) {
        var steps = new ArrayList<String>();
        for (PlanStep step : plan.steps()) {
            if (step instanceof SetWeight weight) {
                steps.add("{\"setWeight\": " + weight.weight() + "}");
            } else if (step instanceof Pause pause) {
                steps.add(pause.indefinite() ? "{\"pause\": {}}"
                        : "{\"pause\": {\"duration\": \"" + DurationText.format(pause.duration()) + "\"}}");
            } else {
                Analysis analysis = (Analysis) step;
                steps.add("{\"analysis\": {\"interval\": \"" + DurationText.format(analysis.interval())
                        + "\", \"looks\": " + analysis.looks() + "}}");
            }
        }
        return "{\"steps\": [" + String.join(", ", steps) + "]}";
    }
}
