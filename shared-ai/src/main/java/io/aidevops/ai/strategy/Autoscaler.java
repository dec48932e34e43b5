package io.aidevops.ai.strategy;

/**
 * The bounds of a HorizontalPodAutoscaler that targets the workload.
 *
 * @param minReplicas the HPA's minimum, at least 1
 * @param maxReplicas the HPA's maximum, at least {@code minReplicas}
 */
public record Autoscaler(int minReplicas, int maxReplicas) {

    /** @throws IllegalArgumentException naming the bound that is out of range */
    public Autoscaler {
        if (minReplicas < 1) {
            throw new IllegalArgumentException("minReplicas must be at least 1, but was " + minReplicas);
        }
        if (maxReplicas < minReplicas) {
            throw new IllegalArgumentException("maxReplicas must be at least minReplicas (" + minReplicas
                    + "), but was " + maxReplicas);
        }
    }
}
