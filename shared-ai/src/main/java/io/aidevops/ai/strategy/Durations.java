package io.aidevops.ai.strategy;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in plans and reasons. */
final class Durations {

    private Durations() {
    }

    /** {@code 90s}, {@code 5m}, {@code 1h30m}: the shortest exact form. */
    static String compact(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 60 != 0) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes / 60 + "h" + minutes % 60 + "m";
    }

    /** {@code 14 min}, for sentences. */
    static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : String.format(Locale.ROOT, "%.1f min",
                seconds / 60.0);
    }
}
