package io.aidevops.monitor.metric;

import java.util.List;
import java.util.Objects;

/** What a {@link MetricSource} found for one workload in one pass: points, or none and why. */
public sealed interface MetricResult permits MetricResult.Samples, MetricResult.NoData {

    /**
     * Points, possibly for only some of the metrics.
     *
     * @param samples the points, at least one
     * @param notes why some metrics have no point this time, one line each; empty if all have
     */
    record Samples(List<Sample> samples, List<String> notes) implements MetricResult {

        /** @throws IllegalArgumentException if there is no sample: that is {@link NoData} */
        public Samples {
            samples = List.copyOf(samples);
            notes = List.copyOf(notes);
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("samples without a sample; use NoData with a reason");
            }
        }
    }

    /**
     * No point at all: the source is down, answered nonsense, or has nothing for the workload yet. Never an anomaly.
     *
     * @param reason why, for the status page
     */
    record NoData(String reason) implements MetricResult {

        /** @throws NullPointerException if reason is null */
        public NoData {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
