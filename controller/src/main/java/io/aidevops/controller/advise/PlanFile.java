package io.aidevops.controller.advise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aidevops.ai.strategy.DeploymentStrategy;
import io.aidevops.ai.strategy.PlannedStep;
import io.aidevops.ai.strategy.StrategyRecommendation;
import io.aidevops.ai.strategy.TrafficRouter;
import io.aidevops.deploy.plan.DurationText;
import io.aidevops.deploy.plan.RolloutPlanParser;

/**
 * Writes a recommended canary plan in the plan file format of {@code aidevops canary deploy --plan FILE}
 * (see docs/canary.md), so a user can save the advice and run it.
 *
 * <p>Two translations: the advisor's closing {@code setWeight 100} is left out, because reaching the end of a plan
 * already promotes (a 100 % analysis would compare the canary with a baseline that gets no traffic); and each
 * analysis of a given length becomes looks at a regular interval, about one a minute so a bad canary is caught
 * early, but at most {@value #MAX_LOOKS} per step so that each look keeps a useful share of the rollout's
 * false-positive budget (the judge spreads it over the planned looks).
 */
public final class PlanFile {

    /** The most looks one analysis step gets. */
    public static final int MAX_LOOKS = 10;

    private static final Duration LOOK_INTERVAL = Duration.ofMinutes(1);

    private PlanFile() {
    }

    /**
     * The plan file of {@code recommendation}, or empty when it is not a canary (the plan file format describes
     * canary steps only) or has no step left to run.
     */
    public static Optional<String> render(StrategyRecommendation recommendation) {
        if (recommendation.strategy() != DeploymentStrategy.CANARY) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        int rendered = 0;
        for (PlannedStep step : recommendation.steps()) {
            if (step instanceof PlannedStep.SetWeight weight) {
                if (weight.percent() == 100 || weight.percent() == 0) {
                    continue;
                }
                lines.add("  - setWeight: " + weight.percent());
            } else if (step instanceof PlannedStep.Pause pause) {
                lines.add("  - pause: {duration: " + DurationText.format(pause.duration()) + "}");
            } else {
                lines.add("  - " + analysis(((PlannedStep.Analysis) step).duration()));
            }
            rendered++;
        }
        if (rendered == 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        text.append("# Canary plan from 'aidevops advise strategy'. Run it with:\n");
        text.append("#   aidevops canary deploy -n NAMESPACE -d DEPLOYMENT --image IMAGE --plan FILE\n");
        text.append("# Reaching the end of the plan promotes the canary.\n");
        if (recommendation.router() != TrafficRouter.NONE) {
            text.append("# The weights assume traffic router ").append(recommendation.router().label())
                    .append("; without it the canary's share follows pod counts.\n");
        }
        text.append("steps:\n");
        lines.forEach(line -> text.append(line).append('\n'));
        String yaml = text.toString();
        // The file is for 'canary deploy': what it would refuse must never be printed as advice.
        RolloutPlanParser.parse(yaml, "the recommended plan");
        return Optional.of(yaml);
    }

    /** {@code analysis: {interval: 1m30s, looks: 10}} for an analysis of {@code duration}. */
    static String analysis(Duration duration) {
        long looks = Math.max(1, Math.min(MAX_LOOKS, ceilDiv(duration.getSeconds(), LOOK_INTERVAL.getSeconds())));
        Duration interval = Duration.ofSeconds(ceilDiv(duration.getSeconds(), looks));
        return "analysis: {interval: " + DurationText.format(interval) + ", looks: " + looks + "}";
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
