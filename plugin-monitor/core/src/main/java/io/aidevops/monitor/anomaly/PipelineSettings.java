package io.aidevops.monitor.anomaly;

import io.aidevops.ai.anomaly.Detectors;

import java.time.Duration;
import java.util.Objects;

/**
 * How series are scored.
 *
 * @param detector the detector's name for {@link Detectors#create}; one fresh detector per series
 * @param threshold a score at or above this is an anomaly; a parameter because detectors calibrate differently
 * @param recentValues how many recent values per series are kept as evidence
 * @param quietPointsToResolve an anomaly alert resolves after this many points of its series below the threshold
 * @param seriesRetention a series without a point for this long is forgotten, its detector with it
 */
public record PipelineSettings(String detector, double threshold, int recentValues, int quietPointsToResolve,
        Duration seriesRetention) {

    /** @throws IllegalArgumentException if the detector is unknown or a number is out of range */
    public PipelineSettings {
        Objects.requireNonNull(seriesRetention, "seriesRetention");
        Detectors.create(detector); // fails early, naming the known detectors
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the anomaly threshold must be in (0, 1], but is " + threshold);
        }
        if (recentValues < 1 || quietPointsToResolve < 1) {
            throw new IllegalArgumentException("recent values and quiet points must be at least 1, but are "
                    + recentValues + " and " + quietPointsToResolve);
        }
        if (seriesRetention.isZero() || seriesRetention.isNegative()) {
            throw new IllegalArgumentException("series retention must be positive, but is " + seriesRetention);
        }
    }

    /**
     * The default detector at its shipped threshold, 60 recent values (enough for a lagged correlation of 30 points or more), resolved
     * after 10 quiet points, series kept for an hour.
     */
    public static PipelineSettings defaults() {
        return new PipelineSettings(Detectors.DEFAULT, Detectors.threshold(Detectors.DEFAULT), 60, 10,
                Duration.ofHours(1));
    }

    /** These settings with another detector, at that detector's shipped threshold. */
    public PipelineSettings withDetector(String value) {
        return new PipelineSettings(value, Detectors.threshold(value), recentValues, quietPointsToResolve,
                seriesRetention);
    }

    /** These settings with another threshold. */
    public PipelineSettings withThreshold(double value) {
        return new PipelineSettings(detector, value, recentValues, quietPointsToResolve, seriesRetention);
    }

    /** These settings with another number of recent values. */
    public PipelineSettings withRecentValues(int value) {
        return new PipelineSettings(detector, threshold, value, quietPointsToResolve, seriesRetention);
    }

    /** These settings with another number of quiet points before an anomaly resolves. */
    public PipelineSettings withQuietPointsToResolve(int value) {
        return new PipelineSettings(detector, threshold, recentValues, value, seriesRetention);
    }

    /** These settings with another series retention. */
    public PipelineSettings withSeriesRetention(Duration value) {
        return new PipelineSettings(detector, threshold, recentValues, quietPointsToResolve, value);
    }
}
