package io.aidevops.monitor.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A reader of the Prometheus text exposition format 0.0.4, as far as application pods use it: sample lines with
 * optional labels and timestamps, comments, {@code NaN} and {@code ±Inf}. Types and help texts are not needed to sum
 * counters and read gauges, so they are skipped.
 *
 * @param samples every sample line, in order
 */
public record TextExposition(List<Sample> samples) {

    /**
     * One sample line.
     *
     * @param name the series name, e.g. {@code http_requests_total}
     * @param labels its labels
     * @param value the value
     */
    public record Sample(String name, Map<String, String> labels, double value) {

        /** Copies the labels. */
        public Sample {
            Objects.requireNonNull(name, "name");
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /** Copies the samples. */
    public TextExposition {
        samples = List.copyOf(samples);
    }

    /** The sum of the series named {@code name}; NaN if there is none. */
    public double sum(String name) {
        return sum(name, labels -> true);
    }

    /** The sum of the series named {@code name} whose labels match; NaN if none does. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        double total = 0;
        boolean found = false;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && labels.test(sample.labels())) {
                total += sample.value();
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    /**
     * Reads an exposition.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static TextExposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(new LineReader(line).sample());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new TextExposition(samples);
    }

    /** Reads one sample line from left to right. */
    private static final class LineReader {
        private final String line;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private int position;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            if (position < line.length() && line.charAt(position) == '{') {
                position++;
                labels();
            }
            String[] rest = line.substring(position).strip().split("\\s+");
            if (rest[0].isEmpty() || rest.length > 2) {
                throw new IllegalArgumentException("expected a value and at most a timestamp after " + name);
            }
            return new Sample(name, labels, value(rest[0]));
        }

        private String name() {
            int start = position;
            while (position < line.length() && isNameChar(line.charAt(position), position == start)) {
                position++;
            }
            if (position == start) {
                throw new IllegalArgumentException("expected a name at column " + (start + 1));
            }
            return line.substring(start, position);
        }

        private void labels() {
            while (true) {
                skipSpaces();
                if (position >= line.length()) {
                    throw new IllegalArgumentException("unterminated label set");
                }
                if (line.charAt(position) == '}') {
                    position++;
                    return;
                }
                String label = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (position >= line.length()) {
                        throw new IllegalArgumentException("unterminated value of label " + label);
                    }
                    char c = line.charAt(position++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && position < line.length()) {
                        char escaped = line.charAt(position++);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                skipSpaces();
                if (position < line.length() && line.charAt(position) == ',') {
                    position++;
                }
            }
        }

        private void expect(char c) {
            if (position >= line.length() || line.charAt(position) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (position + 1));
            }
            position++;
        }

        private void skipSpaces() {
            while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
                position++;
            }
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (!first && c >= '0' && c <= '9');
        }

        private static double value(String text) {
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "+Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not a number", e);
                    }
            }
        }
    }
}
