package io.aidevops.ai.canary;

import java.util.Objects;

/**
 * The decision rule of a rollout's analysis: judge the data of each look, roll back as soon as a judgment fails (or
 * the forecast says it will), promote when the final look passes.
 *
 * <p>A look whose metrics all lack data is a grace period, not a failure: the rollout waits for the next look. At
 * the final look the judge itself decides what missing data means.
 */
public final class CanaryAnalysis {

    /** Forecast probability of failure above which a rollout is rolled back before its judgment fails. */
    public static final double DEFAULT_EARLY_ROLLBACK = 0.99;

    private final CanaryJudge judge;
    private final RollbackPredictor predictor;
    private final double earlyRollback;

    /**
     * @param judge the judge of each look
     * @param predictor the rollback predictor, or null to judge without forecasts
     * @param earlyRollback forecast probability at or above which to roll back early, in (0, 1]
     */
    public CanaryAnalysis(CanaryJudge judge, RollbackPredictor predictor, double earlyRollback) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.predictor = predictor;
        if (!(earlyRollback > 0 && earlyRollback <= 1)) {
            throw new IllegalArgumentException("earlyRollback must be in (0, 1], but is " + earlyRollback);
        }
        this.earlyRollback = earlyRollback;
    }

    /** The suite's default: {@link AdaptiveJudge} with its forecast. */
    public static CanaryAnalysis defaults() {
        return new CanaryAnalysis(new AdaptiveJudge(), new RollbackPredictor(AlphaSpending.DEFAULT),
                DEFAULT_EARLY_ROLLBACK);
    }

    /** The judge this analysis uses. */
    public CanaryJudge judge() {
        return judge;
    }

    /**
     * Judges one look and decides.
     *
     * @param request the data so far, at its look
     */
    public AnalysisDecision decide(JudgeRequest request) {
        CanaryVerdict verdict = judge.judge(request);
        Look look = request.look();
        if (look.isFinal()) {
            if (verdict.verdict() == Verdict.PASS) {
                return new AnalysisDecision.Promote(verdict, "final look passed with score " + score(verdict));
            }
            return new AnalysisDecision.Rollback(verdict, RollbackForecast.NONE, "final look " + verdict.verdict()
                    + " with score " + score(verdict) + " (pass needs " + score(request.thresholds().pass())
                    + "): " + verdict.reason(), false);
        }
        if (verdict.noData()) {
            return new AnalysisDecision.Continue(verdict, RollbackForecast.NONE, "look " + look.index() + " of "
                    + look.total() + " has no data yet; waiting for the next look");
        }
        if (verdict.score() <= request.thresholds().marginal()) {
            return new AnalysisDecision.Rollback(verdict, RollbackForecast.NONE, "look " + look.index() + " of "
                    + look.total() + " scored " + score(verdict) + ", at or below marginal "
                    + score(request.thresholds().marginal()) + ": " + verdict.reason(), false);
        }
        RollbackForecast forecast = predictor == null ? RollbackForecast.NONE : predictor.forecast(verdict);
        if (forecast.failureProbability() >= earlyRollback) {
            return new AnalysisDecision.Rollback(verdict, forecast, "look " + look.index() + " of " + look.total()
                    + " forecasts failure: " + forecast.describe(), true);
        }
        return new AnalysisDecision.Continue(verdict, forecast, "look " + look.index() + " of " + look.total()
                + " scored " + score(verdict) + "; " + forecast.describe());
    }

    private static String score(CanaryVerdict verdict) {
        return score(verdict.score());
    }

    private static String score(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
