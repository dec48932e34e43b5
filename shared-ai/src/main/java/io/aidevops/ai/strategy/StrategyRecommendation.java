package io.aidevops.ai.strategy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The advisor's answer: a strategy, how to run it, and why.
 *
 * @param strategy the recommended strategy
 * @param steps the step plan; every plan ends the rollout at 100 %
 * @param router what splits or switches the traffic; {@link TrafficRouter#NONE} means replica counts (canary) or a
 *     Service selector switch (blue-green)
 * @param scores every strategy's score, best first (feasible ones before ruled-out ones)
 * @param reasons why: the rules that chose the strategy, how the plan was sized and why the others lost
 * @param warnings what the user should know or fix before the rollout
 */
public record StrategyRecommendation(DeploymentStrategy strategy, List<PlannedStep> steps, TrafficRouter router,
        List<StrategyScore> scores, List<String> reasons, List<String> warnings) {

    /** Copies the lists. */
    public StrategyRecommendation {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(router, "router");
        steps = List.copyOf(steps);
        scores = List.copyOf(scores);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    /** The score of {@code candidate}. */
    public StrategyScore score(DeploymentStrategy candidate) {
        return scores.stream().filter(s -> s.strategy() == candidate).findFirst().orElseThrow();
    }

    /** How long the plan holds the rollout in pauses and analyses. */
    public Duration totalDuration() {
        return steps.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The canary weights of the plan's {@code setWeight} steps, in order. */
    public List<Integer> weights() {
        return steps.stream().filter(PlannedStep.SetWeight.class::isInstance)
                .map(s -> ((PlannedStep.SetWeight) s).percent()).toList();
    }
}
