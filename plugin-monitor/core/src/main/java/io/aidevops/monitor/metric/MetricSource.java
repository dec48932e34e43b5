package io.aidevops.monitor.metric;

import java.time.Instant;

/**
 * Where the monitor gets metric points from: Prometheus, the pods themselves, or a test's table.
 *
 * <p>A source is asked once per workload and pass. Trouble with the source (unreachable, timeout, HTTP error,
 * unreadable answer) is a {@link MetricResult.NoData} with the reason, never an exception and never invented points:
 * a source that is down must not look like an anomaly.
 */
public interface MetricSource {

    /** A short name for stats and evidence, e.g. {@code prometheus}. */
    String name();

    /**
     * The workload's points now.
     *
     * @param workload what to collect for
     * @param now the pass's time (the monitor's clock)
     * @return points, or no data with the reason
     */
    MetricResult collect(Workload workload, Instant now);
}
