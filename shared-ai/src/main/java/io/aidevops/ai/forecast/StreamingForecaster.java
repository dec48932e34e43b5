package io.aidevops.ai.forecast;

import java.time.Duration;
import java.util.Optional;

/**
 * Forecasts one series from the points seen so far, taking them one at a time with bounded memory.
 * Implementations are not thread-safe: one instance per series, fed from one thread.
 */
public interface StreamingForecaster {

    /**
     * Takes the next point.
     *
     * @param epochSeconds the point's time; a time earlier than the previous point's is taken as the next step
     * @param value the point's value; NaN or infinite values are skipped as missing
     */
    void observe(long epochSeconds, double value);

    /**
     * Forecasts the next steps after the last observation.
     *
     * @param steps how many sampling steps ahead, at least 1
     * @return the forecast, with no points if nothing has been observed
     */
    Forecast forecast(int steps);

    /** Points observed so far (finite values only). */
    long observed();

    /** The sampling step in seconds as far as it is known; 0 before two points. */
    long stepSeconds();

    /**
     * When the forecast reaches a limit within a horizon.
     *
     * @param limit the limit, in the series' unit
     * @param direction {@link Direction#ABOVE} for a ceiling, {@link Direction#BELOW} for a floor
     * @param horizon how far ahead to look
     * @return the breach, or empty if the point forecast stays clear of the limit for the whole horizon, or the
     *         sampling step is not known yet
     */
    default Optional<Breach> timeToBreach(double limit, Direction direction, Duration horizon) {
        long step = stepSeconds();
        if (step <= 0 || observed() == 0) {
            return Optional.empty();
        }
        // Cap the steps so a long horizon at a fine step cannot make an unbounded forecast.
        long steps = Math.max(1, Math.min(MAX_STEPS, (horizon.getSeconds() + step - 1) / step));
        return Breach.find(forecast((int) steps), limit, direction, horizon);
    }

    /** The most steps {@link #timeToBreach} forecasts. */
    int MAX_STEPS = 100_000;
}
