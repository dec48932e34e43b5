package io.aidevops.ai.forecast;

import java.util.List;

/**
 * A forecast from the last observation on.
 *
 * @param lastEpochSeconds the time of the last observation
 * @param lastValue the last observed value
 * @param stepSeconds the sampling step the steps stand for; 0 when it is unknown (fewer than two observations)
 * @param points one per step, in order
 */
public record Forecast(long lastEpochSeconds, double lastValue, long stepSeconds, List<ForecastPoint> points) {

    /** Copies the list. */
    public Forecast {
        points = List.copyOf(points);
    }

    /** The point forecasts alone. */
    public double[] values() {
        return points.stream().mapToDouble(ForecastPoint::value).toArray();
    }
}
