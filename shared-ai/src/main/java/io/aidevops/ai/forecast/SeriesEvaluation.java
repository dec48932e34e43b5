package io.aidevops.ai.forecast;

/**
 * One series' evaluation.
 *
 * @param name the series
 * @param rows its points
 * @param trainRows the points before the held-out tail
 * @param stepSeconds its sampling step
 * @param season the season our forecaster had chosen by the end of the series (it keeps choosing
 *        until its warm-up is over)
 * @param ours our forecaster's accuracy
 * @param lastValue the last-value baseline's
 * @param seasonalNaive the seasonal naive baseline's (the daily cycle when the training part is regular and spans
 *        two days, else the last value)
 */
public record SeriesEvaluation(String name, int rows, int trainRows, long stepSeconds, String season, Accuracy ours,
        Accuracy lastValue, Accuracy seasonalNaive) {
}
