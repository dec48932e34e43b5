package io.aidevops.ai.resources;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one pod used over the analysis: samples taken at the input's sample interval, oldest first.
 *
 * @param pod the pod's name, for messages
 * @param cpuCores CPU usage in cores (0.25 = 250m), each finite and at least 0
 * @param memoryBytes memory working set in bytes, each finite and at least 0
 */
public record PodUsage(String pod, double[] cpuCores, double[] memoryBytes) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException naming the field and index of a NaN, infinite or negative sample
     */
    public PodUsage {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(cpuCores, "cpuCores");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        if (pod.isBlank()) {
            throw new IllegalArgumentException("pod must not be blank");
        }
        cpuCores = cpuCores.clone();
        memoryBytes = memoryBytes.clone();
        requireSamples(pod, "cpuCores", cpuCores);
        requireSamples(pod, "memoryBytes", memoryBytes);
    }

    /** The samples of {@code kind}. */
    public double[] samples(ResourceKind kind) {
        return kind == ResourceKind.CPU ? cpuCores : memoryBytes;
    }

    private static void requireSamples(String pod, String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] of pod " + pod + " is " + values[i]
                        + "; samples must be finite and at least 0");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PodUsage p && pod.equals(p.pod) && Arrays.equals(cpuCores, p.cpuCores)
                && Arrays.equals(memoryBytes, p.memoryBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pod, Arrays.hashCode(cpuCores), Arrays.hashCode(memoryBytes));
    }

    @Override
    public String toString() {
        return "PodUsage[" + pod + ", " + cpuCores.length + " CPU samples, " + memoryBytes.length
                + " memory samples]";
    }
}
