package io.aidevops.deploy.metrics;

import io.aidevops.ai.canary.MetricKind;

import java.util.List;
import java.util.Objects;

/**
 * One metric to fetch.
 *
 * <p>Built-in names, which every provider understands without a query: {@code error_rate} (share of 5xx responses,
 * weighted by request counts), {@code latency_p99} and {@code latency_mean} (seconds), {@code throughput}
 * (requests per second per pod), {@code cpu} (cores) and {@code memory} (resident bytes).
 *
 * @param name the metric's name, a built-in one or the user's own
 * @param kind what it measures, which chooses the judge's tests
 * @param query PromQL template, null = provider default for name; placeholders {@code {{namespace}}},
 *     {@code {{app}}}, {@code {{deployment}}}, {@code {{track}}}, {@code {{interval}}}
 * @param weightQuery optional PromQL template for the request count behind each value of an error rate
 */
public record MetricQuery(String name, MetricKind kind, String query, String weightQuery) {

    /** The metric names providers know without a query. */
    public static final List<String> BUILT_IN = List.of("error_rate", "latency_p99", "latency_mean", "throughput",
            "cpu", "memory");

    /** @throws IllegalArgumentException if the name is blank */
    public MetricQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    /**
     * A built-in metric with its provider's default query and the kind that fits it.
     *
     * @throws IllegalArgumentException if {@code name} is not built in
     */
    public static MetricQuery builtIn(String name) {
        MetricKind kind = switch (name) {
            case "error_rate" -> MetricKind.ERROR_RATE;
            case "latency_p99", "latency_mean" -> MetricKind.LATENCY;
            case "throughput" -> MetricKind.THROUGHPUT;
            case "cpu", "memory" -> MetricKind.RESOURCE;
            default -> throw new IllegalArgumentException("'" + name + "' is not a built-in metric; built in are "
                    + String.join(", ", BUILT_IN));
        };
        return new MetricQuery(name, kind, null, null);
    }

    /** A metric of the user's own PromQL. */
    public static MetricQuery custom(String name, MetricKind kind, String query) {
        return new MetricQuery(name, kind, Objects.requireNonNull(query, "query"), null);
    }
}
