package io.aidevops.ai.forecast;

import java.time.Duration;
import java.util.Locale;

/** Durations the way an alert says them: "40 min", "3.5 h", "2 d"; ranges share their unit when they can. */
final class DurationWords {

    private DurationWords() {
    }

    static String of(Duration duration) {
        return amount(duration, unit(duration)) + " " + unit(duration);
    }

    static String range(Duration from, Duration to) {
        String unit = unit(to);
        if (unit.equals(unit(from))) {
            String low = amount(from, unit);
            String high = amount(to, unit);
            return low.equals(high) ? low + " " + unit : low + "-" + high + " " + unit;
        }
        return of(from) + " to " + of(to);
    }

    /** Seconds under 2 min, minutes under 2 h, hours under 2 days, else days. */
    private static String unit(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 120) {
            return "s";
        }
        if (seconds < 2 * 3600) {
            return "min";
        }
        return seconds < 2 * 86400 ? "h" : "d";
    }

    private static String amount(Duration duration, String unit) {
        double seconds = duration.getSeconds();
        double value;
        switch (unit) {
            case "s":
                return String.valueOf(duration.getSeconds());
            case "min":
                return String.valueOf(Math.round(seconds / 60));
            case "h":
                value = seconds / 3600;
                break;
            default:
                value = seconds / 86400;
                break;
        }
        // One decimal below 10 ("3.5 h"), whole numbers above ("14 h").
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
                : String.valueOf(Math.round(value));
    }
}
