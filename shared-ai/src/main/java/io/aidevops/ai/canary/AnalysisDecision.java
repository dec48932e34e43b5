package io.aidevops.ai.canary;

/** What to do after one analysis look of a rollout. */
public sealed interface AnalysisDecision permits AnalysisDecision.Continue, AnalysisDecision.Promote,
        AnalysisDecision.Rollback {

    /** The judgment this decision rests on. */
    CanaryVerdict verdict();

    /** Why, in one sentence. */
    String reason();

    /**
     * Keep going: more looks are planned and nothing calls for a rollback yet.
     *
     * @param verdict this look's judgment
     * @param forecast the rollback forecast at this look
     * @param reason why the rollout goes on
     */
    record Continue(CanaryVerdict verdict, RollbackForecast forecast, String reason) implements AnalysisDecision {
    }

    /**
     * The final look passed.
     *
     * @param verdict the final judgment
     * @param reason why the canary may be promoted
     */
    record Promote(CanaryVerdict verdict, String reason) implements AnalysisDecision {
    }

    /**
     * Roll back now.
     *
     * @param verdict this look's judgment
     * @param forecast the forecast at this look ({@link RollbackForecast#NONE} if none was made)
     * @param reason why
     * @param early whether the rollback comes from the forecast before the judgment itself failed
     */
    record Rollback(CanaryVerdict verdict, RollbackForecast forecast, String reason, boolean early)
            implements AnalysisDecision {
    }
}
