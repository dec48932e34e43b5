package io.aidevops.monitor;

import io.aidevops.monitor.anomaly.SkippedPoints;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The monitor's vital signs, for a status page.
 *
 * @param running whether {@link Monitor#start()} has succeeded and {@link Monitor#close()} not been called
 * @param workloads workloads seen in the last pass
 * @param watchNotifications changes (and resync replays) the informers delivered since start
 * @param series metric series with detector state
 * @param points points scored since start
 * @param skipped points skipped since start, by reason
 * @param alertsRaised alerts raised at the sink since start
 * @param alertsResolved alerts resolved at the sink since start
 * @param openAlerts alerts open now
 * @param lastCollection when the last {@code collect} pass ran; null before the first
 * @param lastError the latest error (informer, source, sink), or null if there was none
 * @param noData by {@code source namespace/workload}: why the source had no data in the last pass, or (starting
 *        with {@code partly:}) why some of its metrics had none
 */
public record MonitorStats(boolean running, int workloads, long watchNotifications, int series, long points,
        SkippedPoints skipped, long alertsRaised, long alertsResolved, int openAlerts, Instant lastCollection,
        String lastError, Map<String, String> noData) {

    /** Copies the map. */
    public MonitorStats {
        Objects.requireNonNull(skipped, "skipped");
        noData = Collections.unmodifiableMap(new LinkedHashMap<>(noData));
    }
}
