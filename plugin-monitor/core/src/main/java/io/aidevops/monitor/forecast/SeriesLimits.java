package io.aidevops.monitor.forecast;

import java.util.Map;
import java.util.OptionalDouble;

import io.aidevops.monitor.metric.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The limit a series must stay below, if it has one: for {@code memory} (the largest pod's resident bytes) the
 * smallest memory limit among the workload's pods, read from their specs; for other metrics the configured limit.
 */
public final class SeriesLimits {

    /** The metric the sources report a pod's resident memory under. */
    public static final String MEMORY = "memory";

    private final Map<String, Double> configured;

    /** @param configured metric name to limit, e.g. an SLO for {@code latency_p99} */
    public SeriesLimits(Map<String, Double> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** The series' limit, or empty. A configured limit wins over the pods' memory limits. */
    public OptionalDouble limit(Workload workload, String metric) {
        Double value = configured.get(metric);
        if (value != null) {
            return OptionalDouble.of(value);
        }
        return MEMORY.equals(metric) ? memoryLimit(workload) : OptionalDouble.empty();
    }

    /**
     * The smallest pod memory limit of the workload: the series is the largest pod's memory, and the first pod to
     * reach its own limit is OOM-killed. Empty when a pod has a container without a memory limit (it can grow until
     * the node runs out, which is no line to forecast against).
     */
    static OptionalDouble memoryLimit(Workload workload) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Pod pod : workload.pods()) {
            if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
                continue;
            }
            double podLimit = 0;
            for (Container container : pod.getSpec().getContainers()) {
                Quantity limit = container.getResources() == null || container.getResources().getLimits() == null
                        ? null : container.getResources().getLimits().get("memory");
                if (limit == null) {
                    return OptionalDouble.empty();
                }
                podLimit += Quantity.getAmountInBytes(limit).doubleValue();
            }
            if (podLimit > 0) {
                smallest = Math.min(smallest, podLimit);
            }
        }
        return Double.isInfinite(smallest) ? OptionalDouble.empty() : OptionalDouble.of(smallest);
    }
}
