package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.aidevops.ai.forecast.Breach;
import io.aidevops.ai.forecast.Direction;
import io.aidevops.ai.forecast.Forecast;
import io.aidevops.ai.forecast.ForecastPoint;
import io.aidevops.ai.forecast.ForecasterSettings;
import io.aidevops.ai.forecast.HoltWintersForecaster;
import io.aidevops.ai.forecast.ModelSummary;
import io.aidevops.ai.forecast.Seasonality;
import io.aidevops.ai.forecast.StreamingForecaster;
import io.aidevops.controller.nab.NabCorpus;
import io.aidevops.controller.nab.TimeSeriesCsv;
import io.aidevops.deploy.plan.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops forecast}. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast a timestamp,value CSV over --horizon with the suite's streaming forecaster "
                + "(Holt-Winters with a damped trend; daily or weekly season when the timestamps show one), with "
                + "80 %% and 95 %% prediction intervals, and with --limit the time until the forecast reaches it.",
                "Exit 2 with file:line for a malformed row."})
final class ForecastCommand extends Subcommand implements Callable<Integer> {

    /** Text output shows at most this many forecast rows, evenly spread over the horizon. */
    static final int TEXT_ROWS = 12;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The series.")
    Path input;

    @Option(names = "--horizon", defaultValue = "1h", paramLabel = "DURATION",
            description = "How far ahead, e.g. 30m, 1h, 2d (default: ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--limit", paramLabel = "X", description = "A limit to watch, in the series' unit.")
    Double limit;

    @Option(names = "--season", defaultValue = "auto", paramLabel = "auto|none|daily|weekly|STEPS",
            description = "The season: found from the timestamps and the data (auto), none, a day or a week of "
                    + "sampling steps, or a number of steps up to " + Seasonality.MAX_SEASON
                    + " (default: ${DEFAULT-VALUE}).")
    String season;

    @Option(names = "--below", description = "The limit is a floor (breached when the value falls to it); "
            + "default: a ceiling.")
    boolean below;

    @Mixin
    FormatOption format;

    /** One forecast step. */
    record Row(String time, int step, double value, double lower80, double upper80, double lower95,
            double upper95) {
    }

    /** The limit and when it is reached. */
    record BreachView(String direction, double limit, boolean reached, Long expectedSeconds, Long earliestSeconds,
            Long latestSeconds, Boolean latestBeyondHorizon, String sentence) {
    }

    /** The whole report. */
    record Report(String input, int rows, String lastTime, double lastValue, ModelSummary model,
            long horizonSeconds, List<Row> forecast, BreachView breach) {
    }

    @Override
    public Integer call() throws Exception {
        Duration ahead = CanaryCommand.duration("--horizon", horizon);
        if (below && limit == null) {
            throw new UserException("--below needs --limit", ExitCodes.USAGE);
        }
        if (limit != null && !Double.isFinite(limit)) {
            throw new UserException("--limit must be a finite number, was " + limit, ExitCodes.USAGE);
        }
        TimeSeriesCsv series;
        try {
            series = TimeSeriesCsv.read(context().workingDirectory().resolve(input));
        } catch (NabCorpus.NabFormatException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE);
        }
        if (series.rows() < 2) {
            throw new UserException(input + ": " + series.rows() + " rows; a forecast needs at least 2",
                    ExitCodes.USAGE);
        }
        var forecaster = new HoltWintersForecaster(ForecasterSettings.defaults()
                .withSeasonLength(seasonLength(series.epochSeconds())));
        for (int i = 0; i < series.rows(); i++) {
            forecaster.observe(series.epochSeconds()[i], series.values()[i]);
        }
        long step = forecaster.stepSeconds();
        if (step <= 0) {
            throw new UserException(input + ": every row has the same timestamp; no sampling step to forecast by",
                    ExitCodes.USAGE);
        }
        long steps = Math.max(1, Math.min(StreamingForecaster.MAX_STEPS, (ahead.getSeconds() + step - 1) / step));
        Forecast forecast = forecaster.forecast((int) steps);
        List<Row> rows = new ArrayList<>();
        for (ForecastPoint p : forecast.points()) {
            rows.add(new Row(Instant.ofEpochSecond(p.epochSeconds()).toString(), p.step(), p.value(), p.lower80(),
                    p.upper80(), p.lower95(), p.upper95()));
        }
        BreachView breach = null;
        if (limit != null) {
            Direction direction = below ? Direction.BELOW : Direction.ABOVE;
            Optional<Breach> found = Breach.find(forecast, limit, direction, ahead);
            breach = found.map(b -> new BreachView(direction.name().toLowerCase(Locale.ROOT), limit, true,
                    b.expected().getSeconds(), b.earliest().getSeconds(), b.latest().getSeconds(),
                    b.latestBeyondHorizon(), b.sentence()))
                    .orElseGet(() -> new BreachView(direction.name().toLowerCase(Locale.ROOT), limit, false, null,
                            null, null, null, "limit " + number(limit) + " not reached within "
                                    + DurationText.format(ahead)));
        }
        int last = series.rows() - 1;
        var report = new Report(input.toString(), series.rows(), series.timestamps().get(last),
                series.values()[last], forecaster.model(), ahead.getSeconds(), rows, breach);
        if (format.json()) {
            Output.json(context().out(), report);
        } else {
            text(report);
        }
        context().out().flush();
        return ExitCodes.OK;
    }

    /** The --season option as a length in steps, for the series' most common gap between rows. */
    private int seasonLength(long[] times) {
        String name = season.trim().toLowerCase(Locale.ROOT);
        if (name.equals("auto")) {
            return ForecasterSettings.AUTO;
        }
        if (name.equals("none")) {
            return ForecasterSettings.NONE;
        }
        long cycle = name.equals("daily") ? Seasonality.DAY : name.equals("weekly") ? Seasonality.WEEK : 0;
        long steps;
        if (cycle > 0) {
            long step = commonGap(times);
            if (step <= 0 || cycle % step != 0) {
                throw new UserException("--season " + name + ": the rows are " + step + " s apart, which does not "
                        + "divide a " + (cycle == Seasonality.DAY ? "day" : "week"), ExitCodes.USAGE);
            }
            steps = cycle / step;
        } else {
            try {
                steps = Long.parseLong(name);
            } catch (NumberFormatException e) {
                throw new UserException("--season must be auto, none, daily, weekly or a number of steps, was '"
                        + season + "'", ExitCodes.USAGE);
            }
        }
        if (steps < 1 || steps > Seasonality.MAX_SEASON) {
            throw new UserException("--season " + name + " is " + steps + " steps; at most "
                    + Seasonality.MAX_SEASON + " are kept", ExitCodes.USAGE);
        }
        return (int) steps;
    }

    private static long commonGap(long[] times) {
        var counts = new java.util.TreeMap<Long, Integer>();
        for (int i = 1; i < times.length; i++) {
            if (times[i] > times[i - 1]) {
                counts.merge(times[i] - times[i - 1], 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse(0L);
    }

    private void text(Report report) {
        var out = context().out();
        ModelSummary model = report.model();
        out.printf(Locale.ROOT, "Forecast of %s: %d rows, one every %s, last %s at %s%n", report.input(),
                report.rows(), DurationText.format(Duration.ofSeconds(model.stepSeconds())),
                number(report.lastValue()), report.lastTime());
        String smoothing = model.smoothing() == null ? "" : String.format(Locale.ROOT,
                " (alpha %.2f, beta %.2f, gamma %.2f, phi %.2f)", model.smoothing().alpha(), model.smoothing().beta(),
                model.smoothing().gamma(), model.smoothing().phi());
        out.printf(Locale.ROOT, "  model: Holt-Winters, damped trend, season %s%s; one-step error sd %s%n",
                model.season(), smoothing, number(model.oneStepSd()));
        out.printf(Locale.ROOT, "  %-22s %12s %27s %27s%n", "TIME", "FORECAST", "80 % INTERVAL", "95 % INTERVAL");
        List<Row> rows = report.forecast();
        int shown = Math.min(TEXT_ROWS, rows.size());
        for (int k = 1; k <= shown; k++) {
            // Evenly spread over the horizon, always ending on its last step.
            Row row = rows.get((int) Math.round((double) k * rows.size() / shown) - 1);
            out.printf(Locale.ROOT, "  %-22s %12s %27s %27s%n", row.time(), number(row.value()),
                    number(row.lower80()) + " .. " + number(row.upper80()),
                    number(row.lower95()) + " .. " + number(row.upper95()));
        }
        if (report.breach() != null) {
            out.println("  " + report.breach().sentence());
        }
    }

    /** Whole numbers as they are; others with about four significant digits, never in exponent form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        double size = Math.abs(value);
        String pattern = size >= 1000 ? "%.0f" : size >= 100 ? "%.1f" : size >= 1 ? "%.2f" : "%.4g";
        return String.format(Locale.ROOT, pattern, value);
    }
}
