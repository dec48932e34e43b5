package io.aidevops.deploy.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as plan files and Prometheus write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1m30s}, {@code 1d}; a bare number is seconds (as Argo Rollouts accepts it).
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|s|m|h|d))+");

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 1m30s}
     * @return the duration, empty if {@code text} is not one
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            if (trimmed.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            }
            if (!WHOLE.matcher(trimmed).matches()) {
                return Optional.empty();
            }
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
            return Optional.of(total);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Formats a duration the way {@link #parse} reads it and Prometheus accepts it as a range: {@code 1h5m},
     * {@code 30s}, {@code 1m30s}, {@code 250ms}. Negative durations get a leading minus sign.
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        if (duration.toMillisPart() > 0) {
            text.append(duration.toMillisPart()).append("ms");
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
