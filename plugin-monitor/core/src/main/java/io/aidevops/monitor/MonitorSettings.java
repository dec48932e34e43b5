package io.aidevops.monitor;

import io.aidevops.monitor.anomaly.PipelineSettings;
import io.aidevops.monitor.forecast.ForecastSettings;
import io.aidevops.monitor.watch.WatchScope;
import io.aidevops.monitor.watch.WatchSettings;

import java.util.Objects;

/**
 * Everything the monitor is told, apart from its sources and sink.
 *
 * @param watch which workloads and how their state is judged
 * @param pipeline how metric series are scored
 * @param forecast how far ahead limits are forecast, and which limits there are
 */
public record MonitorSettings(WatchSettings watch, PipelineSettings pipeline, ForecastSettings forecast) {

    /** @throws NullPointerException if a part is missing */
    public MonitorSettings {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(forecast, "forecast");
    }

    /** {@link WatchSettings#defaults()}, {@link PipelineSettings#defaults()}, {@link ForecastSettings#defaults()}. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(WatchSettings.defaults(), PipelineSettings.defaults(), ForecastSettings.defaults());
    }

    /** These settings with another watch scope. */
    public MonitorSettings withScope(WatchScope value) {
        return new MonitorSettings(watch.withScope(value), pipeline, forecast);
    }

    /** These settings with other watch settings. */
    public MonitorSettings withWatch(WatchSettings value) {
        return new MonitorSettings(value, pipeline, forecast);
    }

    /** These settings with other pipeline settings. */
    public MonitorSettings withPipeline(PipelineSettings value) {
        return new MonitorSettings(watch, value, forecast);
    }

    /** These settings with other forecast settings. */
    public MonitorSettings withForecast(ForecastSettings value) {
        return new MonitorSettings(watch, pipeline, value);
    }
}
