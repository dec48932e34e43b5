package io.aidevops.ai.anomaly;

/**
 * Scores a series one point at a time, with constant memory and no look-ahead: the score of a point depends on
 * that point and the points before it only.
 *
 * <p>Values must be finite: a detector throws {@link IllegalArgumentException} for NaN or an infinity rather than
 * let one bad sample poison its running statistics for good. Callers that see gaps or unparsable samples should
 * drop them before scoring.
 */
public interface StreamingDetector {

    /**
     * Takes the next point and scores it.
     *
     * @param epochSeconds the point's time; never earlier than the previous point's
     * @param value the point's value, finite
     * @return the anomaly score in [0, 1]
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    double score(long epochSeconds, double value);

    /**
     * Why the last point scored as it did. Cheap: detectors keep the numbers in primitive fields and build the
     * record only when asked.
     */
    default Evidence lastEvidence() {
        return Evidence.NONE;
    }

    /** Throws unless {@code value} is finite; detectors call it first. */
    static double requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot score the non-finite value " + value
                    + "; drop such samples before scoring");
        }
        return value;
    }
}
