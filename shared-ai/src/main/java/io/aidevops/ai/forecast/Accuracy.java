package io.aidevops.ai.forecast;

/**
 * How well one method forecast one series' held-out tail, as sMAPE in per cent (0 perfect, 200 worst):
 * 100 * mean of 2 |forecast - actual| / (|forecast| + |actual|), a term being 0 when both are 0.
 *
 * @param oneStep rolling one step ahead: each tail point forecast from every point before it
 * @param hour rolling {@value ForecastEvaluation#HOUR_STEPS} steps ahead (an hour at 5-minute sampling)
 * @param tail the whole tail forecast once, from the end of the training part
 * @param coverage80 share of tail points inside their one-step 80 % interval
 */
public record Accuracy(double oneStep, double hour, double tail, double coverage80) {
}
