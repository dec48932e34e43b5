package io.aidevops.monitor.forecast;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far ahead the monitor looks for limits being reached, and which limits there are beside the pods' own memory
 * limits.
 *
 * @param horizon a limit expected to be reached within this long is a predictive alert
 * @param limits metric name to the value it must stay below, e.g. {@code latency_p99 -> 0.5} (seconds) for an SLO
 */
public record ForecastSettings(Duration horizon, Map<String, Double> limits) {

    /** One hour: long enough to act, short enough that a trend still means something. */
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(1);

    /** Checks and copies. */
    public ForecastSettings {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isZero() || horizon.isNegative()) {
            throw new IllegalArgumentException("the forecast horizon must be positive, but is " + horizon);
        }
        limits = Map.copyOf(new LinkedHashMap<>(limits));
        limits.forEach((metric, limit) -> {
            if (!Double.isFinite(limit)) {
                throw new IllegalArgumentException("the limit of " + metric + " must be a finite number, but is "
                        + limit);
            }
        });
    }

    /** An hour ahead, memory limits only. */
    public static ForecastSettings defaults() {
        return new ForecastSettings(DEFAULT_HORIZON, Map.of());
    }
}
