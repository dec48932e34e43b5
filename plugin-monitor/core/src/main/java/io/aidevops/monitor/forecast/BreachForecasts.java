package io.aidevops.monitor.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.aidevops.ai.forecast.Breach;
import io.aidevops.ai.forecast.Direction;
import io.aidevops.ai.forecast.ForecasterSettings;
import io.aidevops.ai.forecast.HoltWintersForecaster;
import io.aidevops.ai.forecast.Smoothing;
import io.aidevops.monitor.metric.SeriesKey;

/**
 * Forecasts the series that have a limit and says when one is expected to reach it within the horizon. Only series
 * with a limit get a forecaster, so the cost is per memory series (one per workload), not per series. A breach counts
 * only when the optimistic end of the forecast's 80 % interval also reaches the limit within the horizon. Thread-safe.
 */
public final class BreachForecasts {

    /**
     * No season and fixed, quick smoothing: a leak or a filling disk is a trend of minutes, and a model fitted on a
     * calm past would take too long to believe it. The trend is not damped, so a steady climb is not forecast to level
     * off before the limit. Chosen on a simulated leak (10 MiB per step from 96 MiB to a 256 MiB limit: breach
     * forecast 2 steps in, ~109 s for a true 70 s) and 200 flat noisy series under the limit (no alert): 0.5 / 0.2
     * said ~5 min for the same leak.
     */
    static final ForecasterSettings SETTINGS = new ForecasterSettings(ForecasterSettings.NONE, 10,
            new Smoothing(0.7, 0.5, 0, 1.0));
    /** Points a forecaster must have seen before its breaches count: fewer give no usable trend or interval. */
    public static final int MIN_POINTS = 12;

    private final Duration horizon;
    private final Map<SeriesKey, HoltWintersForecaster> forecasters = new HashMap<>();

    /** @param horizon how far ahead to look */
    public BreachForecasts(Duration horizon) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
    }

    /**
     * Takes the series' next point and forecasts it against its limit.
     *
     * @param series the series
     * @param at the point's time, later than the series' previous point
     * @param value the point's value, finite
     * @param limit the limit the series must stay below
     * @return when the limit is expected to be reached, if within the horizon and the forecaster has seen enough
     */
    public synchronized Optional<Breach> observe(SeriesKey series, Instant at, double value, double limit) {
        HoltWintersForecaster forecaster = forecasters.computeIfAbsent(series, k -> new HoltWintersForecaster(
                SETTINGS));
        forecaster.observe(at.getEpochSecond(), value);
        if (forecaster.observed() < MIN_POINTS) {
            return Optional.empty();
        }
        // Only a breach that even the optimistic end of the interval reaches within the horizon: a flat, noisy series
        // always has some trend, and a warning on every wobble would soon be ignored.
        return forecaster.timeToBreach(limit, Direction.ABOVE, horizon).filter(b -> !b.latestBeyondHorizon());
    }

    /** Forgets the forecasters of series the monitor forgot. */
    public synchronized void forget(Collection<SeriesKey> series) {
        series.forEach(forecasters::remove);
    }

    /** How many series have a forecaster. */
    public synchronized int size() {
        return forecasters.size();
    }

    /** The horizon. */
    public Duration horizon() {
        return horizon;
    }
}
