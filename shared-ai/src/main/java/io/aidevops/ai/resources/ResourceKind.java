package io.aidevops.ai.resources;

/** The two resources the advisor sizes, with their units. */
public enum ResourceKind {
    /** CPU: samples in cores, settings in millicores. */
    CPU("CPU"),
    /** Memory: samples and settings in bytes (working set). */
    MEMORY("memory");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    /** The name used in reason texts. */
    public String label() {
        return label;
    }

    /** A setting (millicores or bytes) as a Kubernetes quantity. */
    public String format(long amount) {
        return this == CPU ? Quantities.cpu(amount) : Quantities.memory(amount);
    }

    /** A sample value (cores or bytes) for reason texts. */
    String describe(double sample) {
        return this == CPU ? Quantities.describeCpu(sample) : Quantities.describeMemory(sample);
    }

    /** A sample value rounded up to this resource's friendly step, as a setting. */
    long roundUp(double sample) {
        return this == CPU ? Quantities.roundUpCpu(sample) : Quantities.roundUpMemory(sample);
    }
}
