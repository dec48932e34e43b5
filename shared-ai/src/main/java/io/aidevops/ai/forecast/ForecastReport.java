package io.aidevops.ai.forecast;

import java.util.List;

/**
 * The evaluation over a corpus: every series, the means over series (each series counts once, however long), and
 * on how many series ours was better than each baseline.
 *
 * @param trainFraction the share of each series trained on
 * @param series every series' evaluation
 * @param ours mean of our accuracy over series
 * @param lastValue mean of the last-value baseline's
 * @param seasonalNaive mean of the seasonal naive baseline's
 * @param winsOverLastValue series where ours had the lower sMAPE: one step, hour, tail
 * @param winsOverSeasonalNaive the same against the seasonal naive baseline
 */
public record ForecastReport(double trainFraction, List<SeriesEvaluation> series, Accuracy ours, Accuracy lastValue,
        Accuracy seasonalNaive, Wins winsOverLastValue, Wins winsOverSeasonalNaive) {

    /** Copies the list. */
    public ForecastReport {
        series = List.copyOf(series);
    }

    /**
     * Series won per evaluation.
     *
     * @param oneStep rolling one step ahead
     * @param hour rolling an hour ahead
     * @param tail the whole tail
     */
    public record Wins(int oneStep, int hour, int tail) {
    }
}
