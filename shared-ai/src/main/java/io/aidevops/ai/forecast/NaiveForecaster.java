package io.aidevops.ai.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline to beat: the last value (random walk), or with a season the value one season before the step
 * forecast (seasonal naive). Intervals come from the running one-step error, growing with the square root of the
 * number of steps (last value) or of seasons (seasonal naive) ahead, as a random walk's do.
 */
public final class NaiveForecaster implements StreamingForecaster {

    private static final int SPACING_SAMPLE = 64;

    private final int season;
    private final double[] ring;
    private final long[] firstTimes = new long[SPACING_SAMPLE];
    private long observed;
    private long step;
    private long lastTime;
    private double lastValue = Double.NaN;
    private double variance;

    /**
     * A baseline.
     *
     * @param season the season in steps, 0 for the last-value forecast
     */
    public NaiveForecaster(int season) {
        if (season < 0 || season > Seasonality.MAX_SEASON) {
            throw new IllegalArgumentException("season must be 0 to " + Seasonality.MAX_SEASON + ", was " + season);
        }
        this.season = season;
        this.ring = new double[Math.max(1, season)];
    }

    /** The last-value forecast. */
    public static NaiveForecaster lastValue() {
        return new NaiveForecaster(0);
    }

    @Override
    public void observe(long epochSeconds, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        if (observed > 0) {
            // Until a season has been seen, the seasonal forecast falls back on the last value.
            double predicted = season > 0 && observed >= season ? ring[(int) (observed % season)] : lastValue;
            double error = value - predicted;
            variance += Math.max(1.0 / HoltWintersForecaster.VARIANCE_MEMORY, 1.0 / observed)
                    * (error * error - variance);
        }
        if (observed < SPACING_SAMPLE) {
            firstTimes[(int) observed] = epochSeconds;
            step = Spacing.step(firstTimes, (int) observed + 1);
        }
        // Missing steps are not filled in: the baseline indexes its season by points, which is all a baseline needs.
        ring[season == 0 ? 0 : (int) (observed % season)] = value;
        observed++;
        lastTime = epochSeconds;
        lastValue = value;
    }

    @Override
    public Forecast forecast(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        List<ForecastPoint> points = new ArrayList<>(steps);
        if (observed == 0) {
            return new Forecast(0, Double.NaN, 0, points);
        }
        boolean seasonal = season > 0 && observed >= season;
        for (int h = 1; h <= steps; h++) {
            double value;
            double spread;
            if (seasonal) {
                long back = (long) season * ((h + season - 1) / season);
                value = ring[(int) ((observed - 1 + h - back) % season)];
                spread = Math.sqrt(variance * ((h + season - 1) / season));
            } else {
                value = lastValue;
                spread = Math.sqrt(variance * h);
            }
            points.add(ForecastPoint.normal(h, lastTime + h * step, value, spread));
        }
        return new Forecast(lastTime, lastValue, step, points);
    }

    @Override
    public long observed() {
        return observed;
    }

    @Override
    public long stepSeconds() {
        return step;
    }

    /** What the baseline is. */
    public ModelSummary model() {
        return new ModelSummary(season > 0 ? "seasonal-naive" : "last-value", observed, step, season,
                Seasonality.name(season, step), null, Math.sqrt(variance), false);
    }
}
