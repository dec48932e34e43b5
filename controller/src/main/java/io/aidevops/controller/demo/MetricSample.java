package io.aidevops.controller.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sample of the Prometheus text exposition format: {@code name{label="value"} 12.5}.
 *
 * @param name   metric name
 * @param labels label pairs
 * @param value  sample value
 */
record MetricSample(String name, Map<String, String> labels, double value) {

    /**
     * Parses an exposition. Comments, blank lines and timestamps are skipped; a line that is not a sample is an
     * error naming its number, because a half-read scrape would show wrong numbers.
     */
    static List<MetricSample> parse(String exposition) {
        var samples = new ArrayList<MetricSample>();
        var lines = exposition.split("\n");
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(parseLine(line, i + 1));
        }
        return samples;
    }

    private static MetricSample parseLine(String line, int number) {
        var labels = new TreeMap<String, String>();
        String name;
        String rest;
        var brace = line.indexOf('{');
        if (brace >= 0) {
            var close = line.indexOf('}', brace);
            if (close < 0) {
                throw new IllegalArgumentException("line " + number + ": unclosed '{' in: " + line);
            }
            name = line.substring(0, brace);
            for (var pair : line.substring(brace + 1, close).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                var eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("line " + number + ": label without '=' in: " + line);
                }
                labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().replace("\"", ""));
            }
            rest = line.substring(close + 1).strip();
        } else {
            var space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("line " + number + ": no value in: " + line);
            }
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        var value = rest.split("\\s+")[0];
        try {
            return new MetricSample(name, labels, Double.parseDouble(value.replace("+Inf", "Infinity")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + number + ": value '" + value + "' is not a number", e);
        }
    }
}
