package io.aidevops.ai.resources;

/**
 * What the recommended requests free (positive) or cost (negative) compared with the current ones. Requests, not
 * usage, are what the scheduler reserves and what capacity is bought for, so that is what is counted. A resource
 * without a current request, or without enough data, counts 0.
 *
 * @param cpuMillicoresPerPod CPU request freed per pod
 * @param memoryBytesPerPod memory request freed per pod
 * @param replicas pods of the workload
 */
public record Savings(long cpuMillicoresPerPod, long memoryBytesPerPod, int replicas) {

    /** CPU request freed across all replicas. */
    public long cpuMillicoresTotal() {
        return cpuMillicoresPerPod * replicas;
    }

    /** Memory request freed across all replicas. */
    public long memoryBytesTotal() {
        return memoryBytesPerPod * replicas;
    }

    /** One sentence, e.g. {@code across 4 replicas the new requests free 600m CPU and need 512Mi memory more}. */
    public String describe() {
        long cpu = cpuMillicoresTotal();
        long memory = memoryBytesTotal();
        String pods = "across " + replicas + (replicas == 1 ? " replica" : " replicas") + " the new requests ";
        if (cpu > 0 && memory > 0) {
            return pods + "free " + amounts(cpu, memory);
        }
        if (cpu < 0 && memory < 0) {
            return pods + "need " + amounts(-cpu, -memory) + " more";
        }
        return pods + part(ResourceKind.CPU, cpu) + " and " + part(ResourceKind.MEMORY, memory);
    }

    private static String amounts(long cpu, long memory) {
        return ResourceKind.CPU.format(cpu) + " CPU and " + ResourceKind.MEMORY.format(memory) + " memory";
    }

    private static String part(ResourceKind kind, long amount) {
        if (amount == 0) {
            return "leave " + kind.label() + " unchanged";
        }
        return amount > 0 ? "free " + kind.format(amount) + " " + kind.label()
                : "need " + kind.format(-amount) + " " + kind.label() + " more";
    }
}
