package io.aidevops.ai.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4), enough for what application pods emit:
 * counters, gauges, histograms and summaries as plain samples with labels, {@code # TYPE} and {@code # HELP}
 * lines, optional timestamps, {@code NaN} and {@code ±Inf}. OpenMetrics extras (exemplars, {@code # EOF}) are not
 * needed by the pods this project scrapes and are not supported.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * One sample line.
     *
     * @param name the series name, e.g. {@code http_requests_total}
     * @param labels its labels, in the order written
     * @param value the value
     */
    public record Sample(String name, Map<String, String> labels, double value) {

        /** Copies the labels. */
        public Sample {
            Objects.requireNonNull(name, "name");
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /**
     * One bucket of a histogram.
     *
     * @param upperBound the {@code le} label's value, {@code +Inf} for the last
     * @param cumulativeCount observations at or below the bound
     */
    public record Bucket(double upperBound, double cumulativeCount) {
    }

    /**
     * A parsed exposition.
     *
     * @param samples every sample line, in order
     * @param types the declared type of each metric family ({@code counter}, {@code gauge}, {@code histogram}...)
     */
    public record Exposition(List<Sample> samples, Map<String, String> types) {

        /** Copies. */
        public Exposition {
            samples = List.copyOf(samples);
            types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        }

        /** The sum over all series named {@code name}; NaN if there is none. */
        public double sum(String name) {
            return sum(name, labels -> true);
        }

        /** The sum over the series named {@code name} whose labels match; NaN if none matches. */
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
         * The buckets of histogram {@code name} (series {@code <name>_bucket}), summed over all other labels and
         * sorted by upper bound; empty if there are none.
         */
        public List<Bucket> histogram(String name) {
            Map<Double, Double> byBound = new java.util.TreeMap<>();
            for (Sample sample : samples) {
                String le = sample.labels().get("le");
                if (sample.name().equals(name + "_bucket") && le != null) {
                    byBound.merge(parseValue(le), sample.value(), Double::sum);
                }
            }
            List<Bucket> buckets = new ArrayList<>();
            byBound.forEach((bound, count) -> buckets.add(new Bucket(bound, count)));
            return buckets;
        }
    }

    /**
     * Parses an exposition.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static Exposition parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("#")) {
                    comment(line, types);
                } else {
                    samples.add(sample(line));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + abbreviate(line),
                        e);
            }
        }
        return new Exposition(samples, types);
    }

    private static void comment(String line, Map<String, String> types) {
        String[] parts = line.substring(1).strip().split("\\s+", 3);
        if (parts.length >= 3 && parts[0].equals("TYPE")) {
            types.put(parts[1], parts[2].strip());
        }
        // HELP and free comments carry nothing the providers need.
    }

    private static Sample sample(String line) {
        int position = 0;
        while (position < line.length() && isNameChar(line.charAt(position), position == 0)) {
            position++;
        }
        if (position == 0) {
            throw new IllegalArgumentException("expected a metric name");
        }
        String name = line.substring(0, position);
        Map<String, String> labels = new LinkedHashMap<>();
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels);
        }
        String[] rest = line.substring(position).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("expected a value after " + name);
        }
        if (rest.length > 2) {
            throw new IllegalArgumentException("unexpected text after the value and timestamp");
        }
        return new Sample(name, labels, parseValue(rest[0]));
    }

    /** Reads labels after the opening brace; returns the position after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int position = start;
        while (true) {
            position = skipSpaces(line, position);
            if (position >= line.length()) {
                throw new IllegalArgumentException("unterminated label set");
            }
            if (line.charAt(position) == '}') {
                return position + 1;
            }
            int nameStart = position;
            while (position < line.length() && isNameChar(line.charAt(position), position == nameStart)
                    && line.charAt(position) != ':') {
                position++;
            }
            if (position == nameStart) {
                throw new IllegalArgumentException("expected a label name at column " + (position + 1));
            }
            String labelName = line.substring(nameStart, position);
            position = skipSpaces(line, position);
            if (position >= line.length() || line.charAt(position) != '=') {
                throw new IllegalArgumentException("expected '=' after label " + labelName);
            }
            position = skipSpaces(line, position + 1);
            if (position >= line.length() || line.charAt(position) != '"') {
                throw new IllegalArgumentException("expected a quoted value for label " + labelName);
            }
            StringBuilder value = new StringBuilder();
            position++;
            while (true) {
                if (position >= line.length()) {
                    throw new IllegalArgumentException("unterminated value of label " + labelName);
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
            labels.put(labelName, value.toString());
            position = skipSpaces(line, position);
            if (position < line.length() && line.charAt(position) == ',') {
                position++;
            }
        }
    }

    private static int skipSpaces(String line, int position) {
        while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
            position++;
        }
        return position;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0'
                && c <= '9');
    }

    /** A value as Prometheus writes it: a Go float, {@code NaN}, {@code +Inf}, {@code -Inf}. */
    public static double parseValue(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
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

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
