package io.aidevops.deploy.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one rollout, stored in the cluster (see {@link RolloutStore}) so that any process can stop at
 * any moment and another resume the rollout where it was. Immutable; each change makes a new state.
 *
 * @param id a unique id of this rollout
 * @param spec what the user asked for
 * @param phase where the rollout is
 * @param stepIndex the plan step being worked on (0-based)
 * @param stepStartedAt when that step started
 * @param lookInStep looks already taken in the current analysis step
 * @param looksDone looks taken over the whole plan
 * @param dataSince start of the analysis window: when the canary first reached its weight
 * @param stableReplicas the stable Deployment's replicas before the rollout
 * @param previousImage the stable version's image before the rollout
 * @param request what a user asked the engine to do next
 * @param message the latest status line
 * @param outcome why the rollout ended as it did (empty while it runs)
 * @param looks the evidence of every look so far
 * @param warnings what the user should know (HPA, weight not reachable, ...)
 * @param createdAt when the rollout started
 * @param updatedAt when the state last changed
 * @param attempt 1 for the first attempt, one more per retry
 */
public record RolloutState(String id, CanarySpec spec, RolloutPhase phase, int stepIndex, Instant stepStartedAt,
        int lookInStep, int looksDone, Instant dataSince, int stableReplicas, String previousImage,
        UserRequest request, String message, String outcome, List<LookRecord> looks, List<String> warnings,
        Instant createdAt, Instant updatedAt, int attempt) {

    /** Copies the lists and rejects missing essentials. */
    public RolloutState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(phase, "phase");
        request = request == null ? UserRequest.NONE : request;
        message = message == null ? "" : message;
        outcome = outcome == null ? "" : outcome;
        looks = looks == null ? List.of() : List.copyOf(looks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A new rollout of {@code spec}, about to start. */
    public static RolloutState starting(String id, CanarySpec spec, Instant now) {
        return new RolloutState(id, spec, RolloutPhase.STARTING, 0, now, 0, 0, null, 0, null, UserRequest.NONE,
                "starting", "", List.of(), List.of(), now, now, 1);
    }

    /** This state in another phase, with a status line. */
    public RolloutState inPhase(RolloutPhase value, String line, Instant now) {
        return new RolloutState(id, spec, value, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, request, line, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state at the start of step {@code index}. */
    public RolloutState atStep(int index, Instant now) {
        return new RolloutState(id, spec, phase, index, now, 0, looksDone, dataSince, stableReplicas,
                previousImage, request, message, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state with a new status line. */
    public RolloutState withMessage(String line, Instant now) {
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, request, line, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state with a user's request. */
    public RolloutState withRequest(UserRequest value, Instant now) {
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, value, message, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state ended with {@code reason}. */
    public RolloutState ended(RolloutPhase value, String reason, Instant now) {
        return new RolloutState(id, spec, value, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, UserRequest.NONE, reason, reason, looks, warnings, createdAt, now,
                attempt);
    }

    /** This state with what was found about the stable Deployment before the rollout. */
    public RolloutState withStable(int replicas, String image, Instant now) {
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                replicas, image, request, message, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state with the reason it will end with, kept until it ends. */
    public RolloutState withOutcome(String reason, Instant now) {
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, request, message, reason, looks, warnings, createdAt, now, attempt);
    }

    /** This state with the analysis window starting at {@code since}. */
    public RolloutState withDataSince(Instant since, Instant now) {
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, since,
                stableReplicas, previousImage, request, message, outcome, looks, warnings, createdAt, now, attempt);
    }

    /** This state after one more look. */
    public RolloutState withLook(LookRecord look, Instant now) {
        var all = new ArrayList<>(looks);
        all.add(look);
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep + 1, looksDone + 1, dataSince,
                stableReplicas, previousImage, request, look.reason(), outcome, all, warnings, createdAt, now,
                attempt);
    }

    /** This state with one more warning (kept once). */
    public RolloutState withWarning(String warning, Instant now) {
        if (warnings.contains(warning)) {
            return this;
        }
        var all = new ArrayList<>(warnings);
        all.add(warning);
        return new RolloutState(id, spec, phase, stepIndex, stepStartedAt, lookInStep, looksDone, dataSince,
                stableReplicas, previousImage, request, message, outcome, looks, all, createdAt, now, attempt);
    }

    /** A fresh attempt of the same spec: back to the start, evidence of earlier attempts dropped. */
    public RolloutState retried(Instant now) {
        return new RolloutState(id, spec, RolloutPhase.STARTING, 0, now, 0, 0, null, stableReplicas, previousImage,
                UserRequest.NONE, "retrying", "", List.of(), List.of(), createdAt, now, attempt + 1);
    }
}
