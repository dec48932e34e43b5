package io.aidevops.deploy.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The steps of a canary rollout, in order. When the last step is done the engine promotes the canary; a plan
 * therefore need not end with {@code setWeight: 100}.
 *
 * <p>Weights need not increase: a plan may step back (e.g. to compare at low traffic again) if its author wants to.
 *
 * @param steps at least one step
 */
public record RolloutPlan(List<PlanStep> steps) {

    /** @throws IllegalArgumentException if there is no step or a step is null */
    public RolloutPlan {
        Objects.requireNonNull(steps, "steps");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a rollout plan needs at least one step");
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                throw new IllegalArgumentException("steps[" + i + "] is null");
            }
        }
        steps = List.copyOf(steps);
    }

    /** A plan of the given steps. */
    public static RolloutPlan of(PlanStep... steps) {
        return new RolloutPlan(List.of(steps));
    }

    /**
     * The plan used when the user gives none: {@code initialWeight} percent with five one-minute looks, then 50 %
     * with five more, then promotion.
     *
     * <p>Why it stops at 50 % rather than stepping to 100 %: the judge compares the canary with the baseline, which
     * needs both to serve traffic at the same time. At 100 % the baseline (with the replica router: the stable
     * Deployment) has no traffic left, so a 100 % analysis could only compare against nothing; reaching the end of
     * the plan already means promotion. 50 % is the largest share at which both sides are judged on equal traffic.
     * Five looks a minute apart per stage let a clearly bad canary be rolled back after a minute at low traffic,
     * while the last look of a stage sees five minutes of data (a point per pod and minute from Prometheus).
     *
     * @param initialWeight the first canary weight, 1 to 99; at 50 or more the 50 % stage is left out
     * @throws IllegalArgumentException if the weight is out of range
     */
    public static RolloutPlan defaultPlan(int initialWeight) {
        if (initialWeight < 1 || initialWeight > 99) {
            throw new IllegalArgumentException("the initial canary weight must be 1 to 99, but is " + initialWeight);
        }
        Analysis fiveLooks = new Analysis(Duration.ofMinutes(1), 5);
        if (initialWeight >= 50) {
            return of(new SetWeight(initialWeight), fiveLooks);
        }
        return of(new SetWeight(initialWeight), fiveLooks, new SetWeight(50), fiveLooks);
    }

    /** The number of judgments the plan asks for, over all analysis steps. */
    public int analysisLooks() {
        return steps.stream().filter(Analysis.class::isInstance).mapToInt(step -> ((Analysis) step).looks()).sum();
    }

    /**
     * The least time the plan takes: timed pauses and analyses. Indefinite pauses count as zero; the time the
     * cluster needs to scale is not known in advance.
     */
    public Duration minimumDuration() {
        Duration total = Duration.ZERO;
        for (PlanStep step : steps) {
            if (step instanceof Pause pause && pause.duration() != null) {
                total = total.plus(pause.duration());
            } else if (step instanceof Analysis analysis) {
                total = total.plus(analysis.duration());
            }
        }
        return total;
    }

    /** Whether the plan waits for a human at some point ({@code pause: {}}). */
    public boolean hasManualGate() {
        return steps.stream().anyMatch(step -> step instanceof Pause pause && pause.indefinite());
    }
}
