package io.aidevops.controller.demo;

import java.nio.file.Path;

import io.aidevops.deploy.rollout.RolloutState;

/**
 * How one of the demo's canaries ended.
 *
 * @param image the canary's image
 * @param phase PROMOTED or ROLLED_BACK (anything else is a failed demo)
 * @param outcome the engine's reason
 * @param looks analysis looks taken
 * @param plannedLooks looks the plan had
 * @param simulatedSeconds simulated seconds from start to end
 * @param report the evidence report written for it
 */
public record CanaryOutcome(String image, String phase, String outcome, int looks, int plannedLooks,
        long simulatedSeconds, String report) {

    static CanaryOutcome of(RolloutState state, Path reports) {
        int planned = state.spec().plan().analysisLooks();
        String tag = state.spec().image().substring(state.spec().image().lastIndexOf(':') + 1);
        return new CanaryOutcome(state.spec().image(), state.phase().name(), state.outcome(), state.looksDone(),
                planned, java.time.Duration.between(state.createdAt(), state.updatedAt()).toSeconds(),
                reports.resolve("canary-" + tag + ".html").toString());
    }
}
