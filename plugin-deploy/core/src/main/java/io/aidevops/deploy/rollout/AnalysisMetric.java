package io.aidevops.deploy.rollout;

import java.util.List;
import java.util.Objects;

import io.aidevops.ai.canary.Direction;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.deploy.metrics.MetricQuery;

/**
 * One metric a rollout analyses: how to fetch it and how to judge it. Stored with the rollout, so a new process can
 * resume without the original command line.
 *
 * @param name the metric's name; with a null query, one the provider knows ({@code error_rate}, {@code latency_p99},
 *        {@code latency_mean}, {@code throughput}, {@code cpu}, {@code memory})
 * @param kind what it measures
 * @param direction which change is bad; null for the kind's default
 * @param critical whether failing it fails the rollout outright
 * @param muted reported but not scored (dry run)
 * @param query a provider query (PromQL template), or null for the provider's default for {@code name}
 * @param weightQuery for error rates, a query of the request counts behind each value; may be null
 */
public record AnalysisMetric(String name, MetricKind kind, Direction direction, boolean critical, boolean muted,
        String query, String weightQuery) {

    /** Rejects a missing name or kind. */
    public AnalysisMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an analysis metric needs a name");
        }
    }

    /** A built-in metric with its kind's defaults. */
    public static AnalysisMetric builtIn(String name, MetricKind kind) {
        return new AnalysisMetric(name, kind, null, false, false, null, null);
    }

    /**
     * The metrics analysed when a plan names none: the error rate (critical: a canary that fails requests is never
     * promoted), p99 and mean latency, throughput per pod, CPU and memory.
     */
    public static List<AnalysisMetric> defaults() {
        return List.of(
                new AnalysisMetric("error_rate", MetricKind.ERROR_RATE, null, true, false, null, null),
                builtIn("latency_p99", MetricKind.LATENCY),
                builtIn("latency_mean", MetricKind.LATENCY),
                builtIn("throughput", MetricKind.THROUGHPUT),
                builtIn("cpu", MetricKind.RESOURCE),
                builtIn("memory", MetricKind.RESOURCE));
    }

    /** How the judge treats it. */
    public MetricSpec toSpec() {
        MetricSpec spec = MetricSpec.of(name, kind).withCritical(critical).withMuted(muted);
        return direction == null ? spec : spec.withDirection(direction);
    }

    /** What the provider is asked. */
    public MetricQuery toQuery() {
        return new MetricQuery(name, kind, query, weightQuery);
    }
}
