package io.aidevops.monitor.anomaly;

/**
 * Points the pipeline did not score, by reason: detectors promise nothing for such points, and a source's glitch must
 * not become an alert.
 *
 * @param notANumber values that were NaN (e.g. 0/0 in a PromQL ratio without traffic)
 * @param infinite values that were ±Inf (e.g. {@code histogram_quantile} in the {@code +Inf} bucket)
 * @param nonMonotonic points not later than the series' previous point (repeats and out-of-order points)
 */
public record SkippedPoints(long notANumber, long infinite, long nonMonotonic) {

    /** Nothing skipped. */
    public static final SkippedPoints NONE = new SkippedPoints(0, 0, 0);

    /** All skipped points. */
    public long total() {
        return notANumber + infinite + nonMonotonic;
    }
}
