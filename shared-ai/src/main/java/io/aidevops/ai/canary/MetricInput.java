package io.aidevops.ai.canary;

import java.util.Objects;

/**
 * One metric of a judge request: how to judge it and what was observed.
 *
 * @param spec how the metric is judged
 * @param samples the observed values
 */
public record MetricInput(MetricSpec spec, MetricSamples samples) {

    /** Rejects nulls. */
    public MetricInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(samples, "samples");
    }
}
