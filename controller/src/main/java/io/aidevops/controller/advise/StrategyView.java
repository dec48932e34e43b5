package io.aidevops.controller.advise;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aidevops.ai.strategy.PlannedStep;
import io.aidevops.ai.strategy.StrategyRecommendation;
import io.aidevops.ai.strategy.StrategyScore;
import io.aidevops.deploy.plan.DurationText;

/**
 * The JSON form of a strategy recommendation that {@code aidevops advise strategy --format json} prints and
 * {@code POST /api/v1/advise/strategy} answers.
 *
 * @param strategy the recommended strategy, e.g. {@code canary}
 * @param router what splits the traffic, e.g. {@code none}
 * @param steps the step plan
 * @param totalDuration how long the plan holds the rollout, e.g. {@code 42m}
 * @param scores every strategy, best first
 * @param reasons why
 * @param warnings what to fix or know before the rollout
 * @param planFile the plan in the format of {@code canary deploy --plan}; null unless the strategy is canary
 */
public record StrategyView(String strategy, String router, List<Step> steps, String totalDuration,
        List<Score> scores, List<String> reasons, List<String> warnings, String planFile) {

    /**
     * One step.
     *
     * @param type setWeight, pause or analysis
     * @param weight the weight of a setWeight step, else null
     * @param duration how long a pause or analysis holds, else null
     * @param describe the step as one line
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String type, Integer weight, String duration, String describe) {
    }

    /**
     * One strategy's score.
     *
     * @param strategy the strategy
     * @param score its points
     * @param feasible whether it can be used at all
     * @param ruledOut why it cannot, else null
     * @param lostBecause why it lost to the recommended one; null for the recommended one
     * @param contributions each rule's points and sentence
     */
    public record Score(String strategy, int score, boolean feasible, String ruledOut, String lostBecause,
            List<Contribution> contributions) {
    }

    /**
     * Points one rule gave or took.
     *
     * @param points signed points
     * @param reason the rule's sentence
     */
    public record Contribution(int points, String reason) {
    }

    /** The view of {@code recommendation}. */
    public static StrategyView of(StrategyRecommendation recommendation) {
        StrategyScore winner = recommendation.scores().get(0);
        return new StrategyView(recommendation.strategy().label(), recommendation.router().label(),
                recommendation.steps().stream().map(StrategyView::step).toList(),
                DurationText.format(recommendation.totalDuration()),
                recommendation.scores().stream().map(s -> score(s, winner)).toList(), recommendation.reasons(),
                recommendation.warnings(), PlanFile.render(recommendation).orElse(null));
    }

    private static Step step(PlannedStep step) {
        if (step instanceof PlannedStep.SetWeight weight) {
            return new Step("setWeight", weight.percent(), null, step.describe());
        }
        return new Step(step instanceof PlannedStep.Pause ? "pause" : "analysis", null,
                DurationText.format(step.duration()), step.describe());
    }

    private static Score score(StrategyScore score, StrategyScore winner) {
        return new Score(score.strategy().label(), score.score(), score.feasible(), score.ruledOut().orElse(null),
                score == winner ? null : lostBecause(score, winner),
                score.contributions().stream().map(c -> new Contribution(c.points(), c.reason())).toList());
    }

    /** The hard constraint, else the points behind and the rule that cost the most. */
    static String lostBecause(StrategyScore loser, StrategyScore winner) {
        if (!loser.feasible()) {
            return "ruled out: " + loser.ruledOut().orElseThrow();
        }
        if (loser.score() == winner.score()) {
            return "tied with " + winner.strategy().label() + " on " + winner.score() + " points; a tie goes to the "
                    + "earlier of canary, blue-green, rolling, recreate";
        }
        String behind = (winner.score() - loser.score()) + " points behind " + winner.strategy().label();
        return loser.contributions().stream().filter(c -> c.points() < 0)
                .min(Comparator.comparingInt(StrategyScore.Contribution::points))
                .map(c -> behind + "; mainly " + c.describe())
                .orElse(behind + "; no rule took points from it, others gave " + winner.strategy().label()
                        + " more");
    }
}
