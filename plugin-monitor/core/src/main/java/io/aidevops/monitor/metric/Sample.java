package io.aidevops.monitor.metric;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of one series, as a source reported it; the value may be NaN or infinite (the pipeline skips and counts
 * those).
 *
 * @param series which series
 * @param at the point's time
 * @param value the value
 */
public record Sample(SeriesKey series, Instant at, double value) {

    /** @throws NullPointerException if series or time is missing */
    public Sample {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(at, "at");
    }
}
