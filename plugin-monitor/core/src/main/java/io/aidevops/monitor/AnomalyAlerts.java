package io.aidevops.monitor;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.Evidence;
import io.aidevops.monitor.alert.Fingerprint;
import io.aidevops.monitor.alert.OpenAlerts;
import io.aidevops.monitor.alert.Severity;
import io.aidevops.monitor.anomaly.AnomalyPipeline;
import io.aidevops.monitor.anomaly.PointOutcome;
import io.aidevops.monitor.metric.SeriesKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns scored points into metric anomaly alerts: an anomalous point opens (or refreshes) the series' alert, and the
 * alert resolves after the configured number of quiet points, or when the series is forgotten.
 */
final class AnomalyAlerts {

    private final AnomalyPipeline pipeline;
    private final OpenAlerts alerts;

    AnomalyAlerts(AnomalyPipeline pipeline, OpenAlerts alerts) {
        this.pipeline = pipeline;
        this.alerts = alerts;
    }

    /** Acts on one scored point. */
    void take(PointOutcome.Scored point) {
        SeriesKey series = point.series();
        String fingerprint = fingerprint(series);
        if (point.anomalous()) {
            alerts.raise(alert(point));
        } else if (point.pointsSinceAnomaly() >= pipeline.settings().quietPointsToResolve()
                && alerts.isOpen(fingerprint)) {
            alerts.resolve(fingerprint, point.at());
        }
    }

    /**
     * Resolves the alerts of series that were forgotten; their detectors are gone, so nothing would resolve them later.
     *
     * @return what the sink threw, one per failed resolution
     */
    List<RuntimeException> forgotten(List<SeriesKey> series, Instant now) {
        List<RuntimeException> failures = new ArrayList<>();
        for (SeriesKey key : series) {
            try {
                alerts.resolve(fingerprint(key), now);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    static String fingerprint(SeriesKey series) {
        return Fingerprint.of(AlertKind.METRIC_ANOMALY, series.namespace(), series.workload(),
                series.metricWithLabels());
    }

    private Alert alert(PointOutcome.Scored point) {
        SeriesKey series = point.series();
        List<Float> recent = pipeline.recentValues(series);
        String explanation = explain(point, recent);
        String workload = series.namespace() + "/" + series.workload();
        return Alert.of(AlertKind.METRIC_ANOMALY, Severity.WARNING, series.namespace(), series.workload(),
                series.metricWithLabels(), workload + ": unusual " + series.metricWithLabels(),
                "The " + series.metricWithLabels() + " of " + workload + " is " + number(point.value())
                        + ", which detector " + pipeline.settings().detector() + " scores "
                        + number(point.score()) + " (threshold " + number(pipeline.settings().threshold()) + ").",
                point.at(), Evidence.ofSeries(series.displayName(), point.score(), recent, explanation));
    }

    /** The detector explains nothing yet (shared-ai has no such API): say how the point compares with its past. */
    private static String explain(PointOutcome.Scored point, List<Float> recent) {
        List<Float> before = new ArrayList<>(recent.subList(0, Math.max(0, recent.size() - 1)));
        if (before.isEmpty()) {
            return null;
        }
        before.sort(null);
        double median = before.get(before.size() / 2);
        return "value " + number(point.value()) + " against a median of " + number(median) + " over the "
                + before.size() + " points before it";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
