package io.aidevops.monitor.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a series is heading, as a forecaster sees it. The monitor leaves it empty; the integrator fills it from the
 * shared-ai forecasting API.
 *
 * @param summary one sentence, e.g. "memory reaches the 512 MiB limit in about 4 minutes"
 * @param breachAt when a limit is expected to be crossed, or null if none is
 */
public record Forecast(String summary, Instant breachAt) {

    /** @throws NullPointerException if summary is null */
    public Forecast {
        Objects.requireNonNull(summary, "summary");
    }
}
