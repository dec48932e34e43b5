package io.aidevops.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Prometheus text exposition (version 0.0.4): sample values by series (name plus labels as written), and
 * the declared types and help texts by metric family. Strict enough to fail on malformed lines.
 */
record Exposition(Map<String, Double> samples, Map<String, String> types, Map<String, String> help) {

    static Exposition parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                types.put(parts[0], parts[1]);
            } else if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                help.put(parts[0], parts[1]);
            } else if (line.startsWith("#")) {
                continue;
            } else {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("Not a sample line: " + line);
                }
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return new Exposition(samples, types, help);
    }

    double value(String series) {
        Double value = samples.get(series);
        if (value == null) {
            throw new IllegalArgumentException("No series " + series + " in " + samples.keySet());
        }
        return value;
    }

    double requests() {
        return value("http_requests_total{code=\"200\"}") + value("http_requests_total{code=\"500\"}");
    }

    double errorRatio() {
        return value("http_requests_total{code=\"500\"}") / requests();
    }

    double meanLatencySeconds() {
        return value("http_request_duration_seconds_sum") / value("http_request_duration_seconds_count");
    }
}
