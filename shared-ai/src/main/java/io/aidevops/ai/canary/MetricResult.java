package io.aidevops.ai.canary;

import java.util.List;
import java.util.Objects;

/**
 * The judgment of one metric with all of its evidence.
 *
 * @param spec how the metric was judged
 * @param classification the outcome
 * @param reason one sentence a user can read: why this outcome
 * @param tests the tests that were run, in order
 * @param baseline what the baseline showed
 * @param canary what the canary showed
 */
public record MetricResult(MetricSpec spec, Classification classification, String reason, List<TestEvidence> tests,
        SeriesSummary baseline, SeriesSummary canary) {

    /** Copies the list and rejects nulls. */
    public MetricResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reason, "reason");
        tests = List.copyOf(tests);
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(canary, "canary");
    }

    /** The metric's name. */
    public String name() {
        return spec.name();
    }

    /** Whether the metric failed: HIGH or LOW. */
    public boolean failed() {
        return classification == Classification.HIGH || classification == Classification.LOW;
    }
}
