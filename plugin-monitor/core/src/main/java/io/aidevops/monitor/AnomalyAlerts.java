package io.aidevops.monitor;

import io.aidevops.ai.correlation.Correlation;
import io.aidevops.ai.correlation.CorrelationRanker;
import io.aidevops.ai.forecast.Breach;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.CorrelatedSignal;
import io.aidevops.monitor.alert.Evidence;
import io.aidevops.monitor.alert.Fingerprint;
import io.aidevops.monitor.alert.Forecast;
import io.aidevops.monitor.alert.OpenAlerts;
import io.aidevops.monitor.alert.Severity;
import io.aidevops.monitor.anomaly.AnomalyPipeline;
import io.aidevops.monitor.anomaly.PointOutcome;
import io.aidevops.monitor.forecast.BreachForecasts;
import io.aidevops.monitor.forecast.SeriesLimits;
import io.aidevops.monitor.metric.SeriesKey;
import io.aidevops.monitor.metric.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns scored points into alerts. An anomalous point opens (or refreshes) the series' anomaly alert, which resolves
 * after the configured number of quiet points or when the series is forgotten. A series with a limit is also
 * forecast: a limit expected to be reached within the horizon opens a predictive alert, which resolves once the
 * forecast clears. Anomaly alerts carry the forecast of their series and the other series of the workload that
 * moved with it.
 */
public final class AnomalyAlerts {

    /** A predictive alert this close to the breach is critical: there is little time left to act. */
    static final Duration CRITICAL_WITHIN = Duration.ofMinutes(15);
    /** Quiet points before an adopted anomaly resolves: longer than any registered detector's warm-up (150). */
    static final int ADOPTED_QUIET = 200;
    /** Signals listed with an anomaly: enough to point somewhere, few enough to read. */
    static final int MAX_RELATED = 3;
    /**
     * How far from the median of its recent values, in robust standard deviations (1.4826 MAD), an alarming point
     * must be before it is an alert. Detectors tuned on NAB alarm on new extremes, which is right for its series but,
     * over 100,000 production series with morning ramps, would be an alert per series within the hour (measured
     * with {@code aidevops bench monitor}: 9,971 alerts from 10,000 series in 75 minutes). The MAD of 60 recent
     * values is itself noisy, so the floor is high: on 2,000 simulated noisy series, 2,037 record alarms became 90
     * alerts at 4, 15 at 5 and 2 at 6.
     */
    static final double MATERIAL_ROBUST_Z = 6;

    private final AnomalyPipeline pipeline;
    private final OpenAlerts alerts;
    private final BreachForecasts forecasts;
    private final SeriesLimits limits;
    private final Map<SeriesKey, Integer> clearForecasts = new HashMap<>();

    /**
     * @param pipeline the scored series, for evidence and correlation
     * @param alerts the open alerts, in front of the sink
     * @param forecasts the forecasters of series with limits
     * @param limits which series have a limit
     */
    public AnomalyAlerts(AnomalyPipeline pipeline, OpenAlerts alerts, BreachForecasts forecasts,
            SeriesLimits limits) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.forecasts = forecasts;
        this.limits = limits;
    }

    /**
     * Acts on one scored point of {@code workload}. The anomaly and the forecast are handled apart: a sink that fails
     * one of them does not cost the other. Not thread-safe: the monitor calls it under its own lock.
     *
     * @return what the sink (or the forecast) threw, one per failure; the caller records them
     */
    public List<RuntimeException> take(PointOutcome.Scored point, Workload workload) {
        // Called for every point: no list unless something failed.
        RuntimeException forecastFailure = null;
        Optional<Breach> breach = Optional.empty();
        try {
            breach = forecast(point, workload);
        } catch (RuntimeException e) {
            forecastFailure = e;
        }
        try {
            anomaly(point, breach);
        } catch (RuntimeException e) {
            return forecastFailure == null ? List.of(e) : List.of(forecastFailure, e);
        }
        return forecastFailure == null ? List.of() : List.of(forecastFailure);
    }

    private void anomaly(PointOutcome.Scored point, Optional<Breach> breach) {
        SeriesKey series = point.series();
        String fingerprint = fingerprint(series);
        if (point.anomalous() && material(point, pipeline.recentValues(series))) {
            alerts.raise(alert(point, breach));
        } else if (alerts.isOpen(fingerprint) && point.pointsSinceAnomaly() >= quietPoints(fingerprint)) {
            alerts.resolve(fingerprint, point.at());
        }
    }

    /**
     * Quiet points before an open anomaly resolves. An alert adopted from an earlier run has a fresh detector
     * behind it, which says nothing while it warms up: its quiet points only count after {@link #ADOPTED_QUIET}.
     */
    private long quietPoints(String fingerprint) {
        int quiet = pipeline.settings().quietPointsToResolve();
        return alerts.isAdopted(fingerprint) ? Math.max(quiet, ADOPTED_QUIET) : quiet;
    }

    /** Whether the point stands out from its recent values by {@link #MATERIAL_ROBUST_Z} robust deviations. */
    static boolean material(PointOutcome.Scored point, List<Float> recent) {
        int n = recent.size() - 1; // the last one is the point itself
        if (n < 5) {
            return true;
        }
        double[] before = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = recent.get(i);
        }
        java.util.Arrays.sort(before);
        double median = before[n / 2];
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(before[i] - median);
        }
        java.util.Arrays.sort(deviations);
        double scale = 1.4826 * deviations[n / 2];
        double distance = Math.abs(point.value() - median);
        return scale == 0 ? distance > 0 : distance / scale >= MATERIAL_ROBUST_Z;
    }

    private Optional<Breach> forecast(PointOutcome.Scored point, Workload workload) {
        SeriesKey series = point.series();
        OptionalDouble limit = limits.limit(workload, series.metric());
        String fingerprint = forecastFingerprint(series);
        if (limit.isEmpty()) {
            // The limit is gone (removed, or a sidecar without one joined the pods): nothing left to forecast.
            forecasts.forget(List.of(series));
            clearForecasts.remove(series);
            alerts.resolve(fingerprint, point.at());
            return Optional.empty();
        }
        Optional<Breach> breach = forecasts.observe(series, point.at(), point.value(), limit.getAsDouble());
        if (breach.isPresent()) {
            clearForecasts.remove(series);
            alerts.raise(forecastAlert(point, breach.get()));
        } else if (alerts.isOpen(fingerprint)) {
            // Hysteresis: one calm forecast after a steep one is not yet the all-clear.
            int clear = clearForecasts.merge(series, 1, Integer::sum);
            if (clear >= quietPoints(fingerprint) + (alerts.isAdopted(fingerprint) ? BreachForecasts.MIN_POINTS : 0)) {
                clearForecasts.remove(series);
                alerts.resolve(fingerprint, point.at());
            }
        }
        return breach;
    }

    /**
     * Resolves the alerts of series that were forgotten; their detectors are gone, so nothing would resolve them later.
     *
     * @return what the sink threw, one per failed resolution
     */
    public List<RuntimeException> forgotten(List<SeriesKey> series, Instant now) {
        List<RuntimeException> failures = new ArrayList<>();
        forecasts.forget(series);
        for (SeriesKey key : series) {
            clearForecasts.remove(key);
            for (String fingerprint : List.of(fingerprint(key), forecastFingerprint(key))) {
                try {
                    alerts.resolve(fingerprint, now);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        return failures;
    }

    static String fingerprint(SeriesKey series) {
        return Fingerprint.of(AlertKind.METRIC_ANOMALY, series.namespace(), series.workload(),
                series.metricWithLabels());
    }

    static String forecastFingerprint(SeriesKey series) {
        return Fingerprint.of(AlertKind.LIMIT_FORECAST, series.namespace(), series.workload(),
                series.metricWithLabels());
    }

    private Alert alert(PointOutcome.Scored point, Optional<Breach> breach) {
        SeriesKey series = point.series();
        List<Float> recent = pipeline.recentValues(series);
        String explanation = point.evidence().alarming() ? point.evidence() + "; " + explain(point, recent)
                : explain(point, recent);
        String workload = series.namespace() + "/" + series.workload();
        Evidence evidence = Evidence.ofSeries(series.displayName(), point.score(), recent, explanation)
                .withCorrelatedSignals(related(series, recent));
        if (breach.isPresent()) {
            evidence = evidence.withForecast(forecastOf(series, breach.get(), point.at()));
        }
        return Alert.of(AlertKind.METRIC_ANOMALY, Severity.WARNING, series.namespace(), series.workload(),
                series.metricWithLabels(), workload + ": unusual " + series.metricWithLabels(),
                "The " + series.metricWithLabels() + " of " + workload + " is " + number(point.value())
                        + ", which detector " + pipeline.settings().detector() + " scores "
                        + number(point.score()) + " (threshold " + number(pipeline.settings().threshold()) + ").",
                point.at(), evidence);
    }

    private Alert forecastAlert(PointOutcome.Scored point, Breach breach) {
        SeriesKey series = point.series();
        String workload = series.namespace() + "/" + series.workload();
        Forecast forecast = forecastOf(series, breach, point.at());
        Severity severity = breach.expected().compareTo(CRITICAL_WITHIN) <= 0 ? Severity.CRITICAL : Severity.WARNING;
        List<Float> recent = pipeline.recentValues(series);
        Evidence evidence = new Evidence(series.displayName(), null, recent, "forecast over the last "
                + recent.size() + " points against the limit " + number(breach.limit()), List.of(), forecast,
                List.of());
        return Alert.of(AlertKind.LIMIT_FORECAST, severity, series.namespace(), series.workload(),
                series.metricWithLabels(), workload + ": " + forecast.summary(),
                "The " + series.metricWithLabels() + " of " + workload + " is " + number(point.value())
                        + " and climbing: " + forecast.summary() + ". Forecast by Holt's linear-trend exponential "
                        + "smoothing; the range is its 80 % interval.",
                point.at(), evidence);
    }

    private static Forecast forecastOf(SeriesKey series, Breach breach, Instant at) {
        String what = (SeriesLimits.MEMORY.equals(series.metric()) ? "memory limit " + bytes(breach.limit())
                : series.metricWithLabels() + " limit " + number(breach.limit()));
        return new Forecast(breach.describe(what), at.plus(breach.expected()));
    }

    /**
     * The other series of the workload whose recent changes went with this one's, strongest first. Series are
     * aligned at their newest value: they are collected in the same passes.
     */
    private List<CorrelatedSignal> related(SeriesKey series, List<Float> recent) {
        Map<SeriesKey, List<Float>> workload = pipeline.recentValuesOfWorkload(series.namespace(), series.workload());
        int length = recent.size();
        Map<String, double[]> others = new LinkedHashMap<>();
        workload.forEach((key, values) -> {
            if (!key.equals(series)) {
                others.put(key.metricWithLabels(), aligned(values, length));
            }
        });
        if (others.isEmpty()) {
            return List.of();
        }
        List<Correlation> ranked = CorrelationRanker.rank(aligned(recent, length), others);
        return ranked.stream().limit(MAX_RELATED).map(c -> new CorrelatedSignal(series.namespace() + "/"
                + series.workload() + " " + c.name(), Math.min(1, Math.abs(c.correlation())), c.sentence())).toList();
    }

    private static double[] aligned(List<Float> values, int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        int offset = length - values.size();
        for (int i = Math.max(0, -offset); i < values.size(); i++) {
            if (i + offset >= 0) {
                out[i + offset] = values.get(i);
            }
        }
        return out;
    }

    /** How the point compares with its past: the detector's statistic in the series' own units. */
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

    private static String bytes(double value) {
        return value >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GiB", value / (1 << 30))
                : String.format(Locale.ROOT, "%.0f MiB", value / (1 << 20));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
