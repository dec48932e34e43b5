package io.aidevops.monitor;

import io.aidevops.monitor.anomaly.PipelineSettings;
import io.aidevops.monitor.watch.WatchScope;
import io.aidevops.monitor.watch.WatchSettings;

import java.util.Objects;

/**
 * Everything the monitor is told, apart from its sources and sink.
 *
 * @param watch which workloads and how their state is judged
 * @param pipeline how metric series are scored
 */
public record MonitorSettings(WatchSettings watch, PipelineSettings pipeline) {

    /** @throws NullPointerException if a part is missing */
    public MonitorSettings {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(pipeline, "pipeline");
    }

    /** {@link WatchSettings#defaults()} and {@link PipelineSettings#defaults()}. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(WatchSettings.defaults(), PipelineSettings.defaults());
    }

    /** These settings with another watch scope. */
    public MonitorSettings withScope(WatchScope value) {
        return new MonitorSettings(watch.withScope(value), pipeline);
    }

    /** These settings with other watch settings. */
    public MonitorSettings withWatch(WatchSettings value) {
        return new MonitorSettings(value, pipeline);
    }

    /** These settings with other pipeline settings. */
    public MonitorSettings withPipeline(PipelineSettings value) {
        return new MonitorSettings(watch, value);
    }
}
