package io.aidevops.monitor.alert;

import java.util.List;
import java.util.Objects;

/**
 * Why an alert was raised: what a person needs to judge it without opening another tool.
 *
 * @param series the metric series that scored high, e.g. {@code shop/checkout error_rate}; null for workload state
 * @param score the detector's score in [0, 1]; null for workload state
 * @param recentValues the series' latest values, oldest first (floats: evidence, not arithmetic)
 * @param explanation why the point stands out, in words; null if there is nothing to add
 * @param observations what the API server reported: container states, conditions, warning events
 * @param forecast where the series is heading; null until a forecaster fills it in
 * @param correlatedSignals other signals that moved with this one; empty until a correlator fills them in
 */
public record Evidence(String series, Double score, List<Float> recentValues, String explanation,
        List<String> observations, Forecast forecast, List<CorrelatedSignal> correlatedSignals) {

    /** Copies the lists. */
    public Evidence {
        recentValues = List.copyOf(Objects.requireNonNull(recentValues, "recentValues"));
        observations = List.copyOf(Objects.requireNonNull(observations, "observations"));
        correlatedSignals = List.copyOf(Objects.requireNonNull(correlatedSignals, "correlatedSignals"));
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], but is " + score);
        }
    }

    /**
     * Evidence of a metric anomaly.
     *
     * @param series the series' name
     * @param score the detector's score
     * @param recentValues the series' latest values, oldest first
     * @param explanation why the point stands out, or null
     * @return the evidence
     */
    public static Evidence ofSeries(String series, double score, List<Float> recentValues, String explanation) {
        return new Evidence(Objects.requireNonNull(series, "series"), score, recentValues, explanation, List.of(),
                null, List.of());
    }

    /**
     * Evidence of a workload's state.
     *
     * @param observations what the API server reported, one line each
     * @return the evidence
     */
    public static Evidence ofObservations(List<String> observations) {
        return new Evidence(null, null, List.of(), null, observations, null, List.of());
    }

    /** This evidence with a forecast. */
    public Evidence withForecast(Forecast value) {
        return new Evidence(series, score, recentValues, explanation, observations, value, correlatedSignals);
    }

    /** This evidence with correlated signals. */
    public Evidence withCorrelatedSignals(List<CorrelatedSignal> value) {
        return new Evidence(series, score, recentValues, explanation, observations, forecast, value);
    }
}
