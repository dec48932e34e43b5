package io.aidevops.deploy.metrics;

import io.aidevops.deploy.traffic.RolloutTarget;

import java.time.Instant;

/**
 * A source of baseline and canary samples for the judge.
 *
 * <p>Contract: a provider that cannot deliver data (unreachable, bad query, no series, too few scrapes) returns
 * {@link MetricFetch.NoData} with a reason a person can act on. It never throws for data problems and never
 * returns empty samples as if they were a result, because a silent pass is the worst outcome of canary analysis.
 */
public interface MetricProvider {

    /** A short name for logs and reports, e.g. {@code prometheus}. */
    String name();

    /** Called by the engine on each tick; providers that must sample (pod scraping) do it here. Default no-op. */
    default void observe(RolloutTarget target, Instant now) {
    }

    /** Baseline (track=stable) and canary (track=canary) samples of one metric over the window. */
    MetricFetch fetch(RolloutTarget target, MetricQuery query, AnalysisWindow window);
}
