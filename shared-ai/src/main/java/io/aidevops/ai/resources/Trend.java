package io.aidevops.ai.resources;

/**
 * Whether usage grows over the window: a least-squares slope within each pod (each pod's own level removed, so pods
 * at different levels do not fake a trend) with a t-test on it.
 *
 * @param tested whether there were enough samples to test (pods with at least three samples, four samples in all)
 * @param slopePerHour growth in the samples' unit (cores or bytes) per hour; 0 when not tested
 * @param pValue two-sided p-value of the slope; 1 when not tested
 * @param rising significant at the policy's level, upward, and large enough to matter within the horizon
 */
public record Trend(boolean tested, double slopePerHour, double pValue, boolean rising) {

    /** Not enough samples to test. */
    public static final Trend NOT_TESTED = new Trend(false, 0, 1, false);
}
