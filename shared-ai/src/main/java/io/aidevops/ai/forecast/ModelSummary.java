package io.aidevops.ai.forecast;

/**
 * What a forecaster has settled on, for reports.
 *
 * @param method the method's name
 * @param observed finite points observed
 * @param stepSeconds the sampling step, 0 while unknown
 * @param seasonLength the season in steps, 0 for none
 * @param season the season's name: daily, weekly, none or "N steps"
 * @param smoothing the smoothing parameters, null for methods without any
 * @param oneStepSd the standard deviation of the one-step error that the intervals are built from (for
 *        Holt-Winters sqrt(pi / 2) times the running mean absolute error, see {@link HoltWintersForecaster})
 * @param warmingUp whether the model may still change its season and parameters as more points arrive
 */
public record ModelSummary(String method, long observed, long stepSeconds, int seasonLength, String season,
        Smoothing smoothing, double oneStepSd, boolean warmingUp) {
}
