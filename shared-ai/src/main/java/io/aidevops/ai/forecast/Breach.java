package io.aidevops.ai.forecast;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * When a forecast reaches a limit: the expected time from the point forecast, and a range from the 80 % prediction
 * interval (the earliest is when the pessimistic bound reaches the limit, the latest when the optimistic one does).
 *
 * @param direction which side of the limit is a breach
 * @param limit the limit
 * @param expected time from the last observation until the point forecast reaches the limit; zero if the last
 *        observation is already past it
 * @param earliest time until the pessimistic 80 % bound reaches the limit
 * @param latest time until the optimistic 80 % bound reaches the limit, or the horizon if it does not within it
 * @param latestBeyondHorizon whether the optimistic bound stays clear of the limit for the whole horizon, so
 *        {@code latest} only says "not before the horizon"
 * @param horizon how far ahead was looked
 */
public record Breach(Direction direction, double limit, Duration expected, Duration earliest, Duration latest,
        boolean latestBeyondHorizon, Duration horizon) {

    /** A sentence naming the limit by its value, e.g. "limit 512 reached in ~40 min (25-70 min)". */
    public String sentence() {
        return describe("limit " + number(limit));
    }

    /**
     * A sentence for people.
     *
     * @param what names the limit, e.g. "memory limit 512 MiB"
     * @return e.g. "memory limit 512 MiB reached in ~40 min (25-70 min)"
     */
    public String describe(String what) {
        if (expected.isZero()) {
            return what + " already reached";
        }
        String range = latestBeyondHorizon ? DurationWords.of(earliest) + " to beyond " + DurationWords.of(horizon)
                : DurationWords.range(earliest, latest);
        return what + " reached in ~" + DurationWords.of(expected) + " (" + range + ")";
    }

    /**
     * Finds the breach in a forecast.
     *
     * @param forecast the forecast to read, its steps covering the horizon
     * @param limit the limit
     * @param direction which side is a breach
     * @param horizon how far ahead the forecast reaches
     * @return empty if the point forecast stays clear of the limit for the whole forecast or the step is unknown
     */
    public static Optional<Breach> find(Forecast forecast, double limit, Direction direction, Duration horizon) {
        if (direction.breaches(forecast.lastValue(), limit)) {
            return Optional.of(new Breach(direction, limit, Duration.ZERO, Duration.ZERO, Duration.ZERO, false,
                    horizon));
        }
        if (forecast.stepSeconds() <= 0 || forecast.points().isEmpty()) {
            return Optional.empty();
        }
        double[] point = new double[forecast.points().size()];
        double[] early = new double[point.length];
        double[] late = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            ForecastPoint p = forecast.points().get(i);
            point[i] = p.value();
            early[i] = direction == Direction.ABOVE ? p.upper80() : p.lower80();
            late[i] = direction == Direction.ABOVE ? p.lower80() : p.upper80();
        }
        double start = forecast.lastValue();
        double expected = crossing(start, point, limit, direction);
        if (Double.isNaN(expected)) {
            return Optional.empty();
        }
        double earliest = crossing(start, early, limit, direction);
        double latest = crossing(start, late, limit, direction);
        long step = forecast.stepSeconds();
        boolean beyond = Double.isNaN(latest);
        return Optional.of(new Breach(direction, limit, seconds(expected * step), seconds(earliest * step),
                beyond ? horizon : seconds(latest * step), beyond, horizon));
    }

    /**
     * The step (fractional, from linear interpolation between steps) where a path first reaches the limit, or NaN.
     * Interpolating gives times between sampling steps, so a 5-minute series does not round every answer to 5 min.
     */
    private static double crossing(double start, double[] path, double limit, Direction direction) {
        double before = start;
        for (int i = 0; i < path.length; i++) {
            if (direction.breaches(path[i], limit)) {
                double fraction = path[i] == before ? 1 : (limit - before) / (path[i] - before);
                return i + Math.max(0, Math.min(1, fraction));
            }
            before = path[i];
        }
        return Double.NaN;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofSeconds(Math.round(seconds));
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }
}
