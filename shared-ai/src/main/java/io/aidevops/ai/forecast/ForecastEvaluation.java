package io.aidevops.ai.forecast;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Measures forecasters on held-out tails: each series is fed to a fresh forecaster up to the split (by default
 * 85 %), then the rest is forecast three ways, one step ahead rolling, {@value #HOUR_STEPS} steps ahead rolling, and
 * the whole tail at once, and scored by sMAPE ({@link Accuracy}). Ours is compared with the last value and with
 * the seasonal naive forecast. Pure: the caller reads the series.
 */
public final class ForecastEvaluation {

    /** The share of each series trained on. */
    public static final double TRAIN_FRACTION = 0.85;
    /** The rolling fixed horizon: an hour at 5-minute sampling. */
    public static final int HOUR_STEPS = 12;

    private ForecastEvaluation() {
    }

    /**
     * Evaluates one series with our forecaster and both baselines.
     *
     * @param name the series' name
     * @param epochSeconds the points' times
     * @param values the points' values, finite
     * @throws IllegalArgumentException if the arrays differ in length or there are fewer than 20 points
     */
    public static SeriesEvaluation series(String name, long[] epochSeconds, double[] values) {
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException(name + ": " + epochSeconds.length + " times but " + values.length
                    + " values");
        }
        if (values.length < 20) {
            throw new IllegalArgumentException(name + ": " + values.length + " points, the evaluation needs 20");
        }
        int split = (int) Math.round(values.length * TRAIN_FRACTION);
        HoltWintersForecaster ours = new HoltWintersForecaster();
        Accuracy oursAccuracy = accuracy(ours, epochSeconds, values, split);
        long step = Spacing.step(epochSeconds, split);
        // The seasonal baseline uses the daily cycle whenever there is one to repeat: a fair, not a chosen, rival.
        int daily = step > 0 && Seasonality.DAY % step == 0 && Spacing.regular(epochSeconds, split, step)
                && split >= 2 * Seasonality.DAY / step && Seasonality.DAY / step <= Seasonality.MAX_SEASON
                ? (int) (Seasonality.DAY / step) : 0;
        return new SeriesEvaluation(name, values.length, split, step,
                ours.model().season(), oursAccuracy,
                accuracy(NaiveForecaster.lastValue(), epochSeconds, values, split),
                accuracy(new NaiveForecaster(daily), epochSeconds, values, split));
    }

    /**
     * The corpus report: means over series and wins per series.
     *
     * @param series the series' evaluations
     */
    public static ForecastReport report(List<SeriesEvaluation> series) {
        return new ForecastReport(TRAIN_FRACTION, series, mean(series, SeriesEvaluation::ours),
                mean(series, SeriesEvaluation::lastValue), mean(series, SeriesEvaluation::seasonalNaive),
                wins(series, SeriesEvaluation::lastValue), wins(series, SeriesEvaluation::seasonalNaive));
    }

    /**
     * One forecaster's accuracy on one series.
     *
     * @param forecaster a fresh forecaster
     * @param split the first point of the held-out tail
     */
    public static Accuracy accuracy(StreamingForecaster forecaster, long[] epochSeconds, double[] values,
            int split) {
        int n = values.length;
        if (split < 1 || split >= n) {
            throw new IllegalArgumentException("split must leave points on both sides, was " + split + " of " + n);
        }
        for (int i = 0; i < split; i++) {
            forecaster.observe(epochSeconds[i], values[i]);
        }
        double[] whole = forecaster.forecast(n - split).values();
        double tail = 0;
        for (int i = split; i < n; i++) {
            tail += smape(whole[i - split], values[i]);
        }
        double oneStep = 0;
        double hour = 0;
        int hours = 0;
        int covered = 0;
        for (int i = split; i < n; i++) {
            Forecast ahead = forecaster.forecast(Math.min(HOUR_STEPS, n - i));
            ForecastPoint next = ahead.points().get(0);
            oneStep += smape(next.value(), values[i]);
            if (values[i] >= next.lower80() && values[i] <= next.upper80()) {
                covered++;
            }
            if (i + HOUR_STEPS - 1 < n) {
                hour += smape(ahead.points().get(HOUR_STEPS - 1).value(), values[i + HOUR_STEPS - 1]);
                hours++;
            }
            forecaster.observe(epochSeconds[i], values[i]);
        }
        int tailPoints = n - split;
        return new Accuracy(100 * oneStep / tailPoints, hours == 0 ? Double.NaN : 100 * hour / hours,
                100 * tail / tailPoints, (double) covered / tailPoints);
    }

    /** One term of sMAPE, in [0, 2]. */
    static double smape(double forecast, double actual) {
        double scale = Math.abs(forecast) + Math.abs(actual);
        return scale == 0 ? 0 : 2 * Math.abs(forecast - actual) / scale;
    }

    private static Accuracy mean(List<SeriesEvaluation> series, Function<SeriesEvaluation, Accuracy> method) {
        return new Accuracy(average(series, s -> method.apply(s).oneStep()),
                average(series, s -> method.apply(s).hour()), average(series, s -> method.apply(s).tail()),
                average(series, s -> method.apply(s).coverage80()));
    }

    private static double average(List<SeriesEvaluation> series, ToDoubleFunction<SeriesEvaluation> value) {
        return series.stream().mapToDouble(value).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static ForecastReport.Wins wins(List<SeriesEvaluation> series,
            Function<SeriesEvaluation, Accuracy> baseline) {
        int oneStep = 0;
        int hour = 0;
        int tail = 0;
        for (SeriesEvaluation s : series) {
            Accuracy rival = baseline.apply(s);
            oneStep += s.ours().oneStep() < rival.oneStep() ? 1 : 0;
            hour += s.ours().hour() < rival.hour() ? 1 : 0;
            tail += s.ours().tail() < rival.tail() ? 1 : 0;
        }
        return new ForecastReport.Wins(oneStep, hour, tail);
    }

    /** The report as a table for people. */
    public static String text(ForecastReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Forecast accuracy, sMAPE %% (lower is better; 0-200): %d series, "
                + "trained on the first %.0f %%, the rest held out%n", report.series().size(),
                100 * report.trainFraction()));
        out.append(String.format(Locale.ROOT, "  ours = Holt-Winters (damped, season as chosen by the end); "
                + "last = last value; seas = seasonal naive (daily)%n"));
        out.append(String.format(Locale.ROOT, "  %-52s %-6s %20s %20s %20s%n", "", "",
                "1 step ahead", HOUR_STEPS + " steps ahead", "whole tail"));
        out.append(String.format(Locale.ROOT, "  %-52s %-6s %6s %6s %6s %6s %6s %6s %6s %6s %6s%n", "SERIES",
                "SEASON", "ours", "last", "seas", "ours", "last", "seas", "ours", "last", "seas"));
        for (SeriesEvaluation s : report.series()) {
            out.append(String.format(Locale.ROOT, "  %-52s %-6s %s%n", shorten(s.name(), 52), s.season(),
                    row(s.ours(), s.lastValue(), s.seasonalNaive())));
        }
        out.append(String.format(Locale.ROOT, "  %-52s %-6s %s%n", "MEAN OVER SERIES", "",
                row(report.ours(), report.lastValue(), report.seasonalNaive())));
        ForecastReport.Wins last = report.winsOverLastValue();
        ForecastReport.Wins seasonal = report.winsOverSeasonalNaive();
        int n = report.series().size();
        out.append(String.format(Locale.ROOT, "  ours better than last value on %d/%d/%d of %d series, than "
                + "seasonal naive on %d/%d/%d (1 step/%d steps/whole tail)%n", last.oneStep(), last.hour(),
                last.tail(), n, seasonal.oneStep(), seasonal.hour(), seasonal.tail(), HOUR_STEPS));
        out.append(String.format(Locale.ROOT, "  one-step 80 %% interval coverage: ours %.1f %%, last value %.1f %%, "
                + "seasonal naive %.1f %%%n", 100 * report.ours().coverage80(), 100 * report.lastValue().coverage80(),
                100 * report.seasonalNaive().coverage80()));
        return out.toString();
    }

    private static String row(Accuracy ours, Accuracy last, Accuracy seasonal) {
        return String.format(Locale.ROOT, "%6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f", ours.oneStep(),
                last.oneStep(), seasonal.oneStep(), ours.hour(), last.hour(), seasonal.hour(), ours.tail(),
                last.tail(), seasonal.tail());
    }

    private static String shorten(String name, int width) {
        return name.length() <= width ? name : "..." + name.substring(name.length() - width + 3);
    }
}
