package io.aidevops.ai.anomaly.nab;

/**
 * A detector's NAB score under one profile.
 *
 * @param profile the profile
 * @param threshold the threshold the score was taken at (rows scoring at or above it are detections)
 * @param raw the raw score: window values plus false-positive values
 * @param normalized 100 for a perfect detector, 0 for the null detector (may be negative)
 * @param detectedWindows windows with at least one detection
 * @param windows all windows
 * @param falsePositives detected rows outside every window
 */
public record NabResult(NabProfile profile, double threshold, double raw, double normalized, int detectedWindows,
        int windows, int falsePositives) {
}
