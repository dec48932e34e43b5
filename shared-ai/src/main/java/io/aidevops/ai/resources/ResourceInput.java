package io.aidevops.ai.resources;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the resource advisor works from.
 *
 * @param sampleInterval time between two samples of a pod, positive
 * @param canary usage of the canary's pods (the version being rolled out), at least one pod
 * @param baseline usage of the baseline's pods over the same window, for comparison; may be empty
 * @param current the container's current requests and limits
 * @param replicas how many pods the workload runs, for the savings estimate; at least 1
 */
public record ResourceInput(Duration sampleInterval, List<PodUsage> canary, List<PodUsage> baseline,
        ResourceSettings current, int replicas) {

    /** @throws IllegalArgumentException naming the field that is out of range */
    public ResourceInput {
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        Objects.requireNonNull(current, "current");
        canary = List.copyOf(canary);
        baseline = List.copyOf(baseline);
        if (sampleInterval.isZero() || sampleInterval.isNegative()) {
            throw new IllegalArgumentException("sampleInterval must be positive, but was " + sampleInterval);
        }
        if (canary.isEmpty()) {
            throw new IllegalArgumentException("canary must hold at least one pod");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, but was " + replicas);
        }
    }

    /** Canary usage only, without a baseline. */
    public static ResourceInput of(Duration sampleInterval, List<PodUsage> canary, ResourceSettings current,
            int replicas) {
        return new ResourceInput(sampleInterval, canary, List.of(), current, replicas);
    }
}
