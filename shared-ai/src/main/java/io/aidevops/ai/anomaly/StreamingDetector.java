package io.aidevops.ai.anomaly;

/**
 * Scores a series one point at a time, with constant memory and no look-ahead: the score of a point depends on
 * that point and the points before it only.
 */
public interface StreamingDetector {

    /**
     * Takes the next point and scores it.
     *
     * @param epochSeconds the point's time; never earlier than the previous point's
     * @param value the point's value, finite
     * @return the anomaly score in [0, 1]
     */
    double score(long epochSeconds, double value);
}
