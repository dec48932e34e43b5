package io.aidevops.ai.forecast;

/**
 * How a {@link HoltWintersForecaster} chooses its model.
 *
 * @param seasonLength {@link #AUTO} to try the daily and weekly cycles the timestamps allow, {@link #NONE} for no
 *        season, or a season length in steps (up to {@link Seasonality#MAX_SEASON})
 * @param warmUpPoints how many points the forecaster keeps to choose its model before it settles on one and keeps
 *        only its state; at least 10. The default, {@value #DEFAULT_WARM_UP}, is three weeks at 5-minute sampling,
 *        enough to see a weekly cycle three times
 * @param smoothing fixed smoothing parameters, or null to fit them on the warm-up points
 */
public record ForecasterSettings(int seasonLength, int warmUpPoints, Smoothing smoothing) {

    /** Detect the season. */
    public static final int AUTO = -1;
    /** No season. */
    public static final int NONE = 0;
    /** The default warm-up. */
    public static final int DEFAULT_WARM_UP = 3 * 2016;

    /** Checks the ranges. */
    public ForecasterSettings {
        if (seasonLength < AUTO || seasonLength > Seasonality.MAX_SEASON) {
            throw new IllegalArgumentException("season length must be -1 (detect), 0 (none) or 1 to "
                    + Seasonality.MAX_SEASON + " steps, was " + seasonLength);
        }
        if (warmUpPoints < 10) {
            throw new IllegalArgumentException("the warm-up needs at least 10 points, was " + warmUpPoints);
        }
    }

    /** Detected season, three weeks of warm-up at most, fitted parameters. */
    public static ForecasterSettings defaults() {
        return new ForecasterSettings(AUTO, DEFAULT_WARM_UP, null);
    }

    /** These settings with another season length. */
    public ForecasterSettings withSeasonLength(int length) {
        return new ForecasterSettings(length, warmUpPoints, smoothing);
    }
}
