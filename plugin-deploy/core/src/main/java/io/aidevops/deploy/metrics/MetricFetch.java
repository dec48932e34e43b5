package io.aidevops.deploy.metrics;

import io.aidevops.ai.canary.MetricSamples;

import java.util.Objects;

/** What a {@link MetricProvider} got: samples, or the reason there are none. */
public sealed interface MetricFetch {

    /**
     * Baseline and canary values.
     *
     * @param samples the values, each side non-empty
     * @param source where they came from, for the evidence report, e.g. the PromQL sent
     */
    record Samples(MetricSamples samples, String source) implements MetricFetch {

        /** Rejects nulls. */
        public Samples {
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * No usable data.
     *
     * @param reason why, naming the metric, side and cause, e.g. {@code Prometheus returned no series for the
     *     canary of error_rate}
     */
    record NoData(String reason) implements MetricFetch {

        /** Rejects nulls. */
        public NoData {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
