package io.aidevops.deploy.plan;

/**
 * One step of a {@link RolloutPlan}, executed in order by the rollout engine.
 *
 * <p>The set is closed so that the engine can switch over it exhaustively: a new kind of step is a change to the
 * engine as much as to the plan.
 */
public sealed interface PlanStep permits SetWeight, Pause, Analysis {
}
