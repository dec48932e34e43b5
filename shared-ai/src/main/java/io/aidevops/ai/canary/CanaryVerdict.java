package io.aidevops.ai.canary;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one judgment: a verdict, a score and each metric's result with its evidence.
 *
 * @param judge the name of the judge that decided
 * @param verdict pass, marginal or fail
 * @param score 0 to 100
 * @param reason why, in one sentence
 * @param metrics every metric's result, muted ones included, in request order
 * @param look the look this judgment was
 * @param warnings what the user should know (too few points, data missing, ...)
 */
public record CanaryVerdict(String judge, Verdict verdict, double score, String reason, List<MetricResult> metrics,
        Look look, List<String> warnings) {

    /** Copies the lists and rejects nulls. */
    public CanaryVerdict {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(look, "look");
        warnings = List.copyOf(warnings);
    }

    /** The result of the metric named {@code name}. */
    public MetricResult metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric named " + name));
    }

    /** Whether every scored metric had no data, so the verdict says nothing about the canary yet. */
    public boolean noData() {
        return metrics.stream().filter(m -> !m.spec().muted())
                .allMatch(m -> m.classification() == Classification.NODATA);
    }
}
