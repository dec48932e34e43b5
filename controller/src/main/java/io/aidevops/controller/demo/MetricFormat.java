package io.aidevops.controller.demo;

import java.util.Locale;

/** Shows a built-in metric's value in the unit a person reads it in. */
final class MetricFormat {

    private MetricFormat() {
    }

    static String of(String metric, double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (metric) {
            case "error_rate" -> String.format(Locale.ROOT, "%.2f %%", 100 * value);
            case "latency_p99", "latency_mean" -> String.format(Locale.ROOT, "%.1f ms", 1000 * value);
            case "memory" -> String.format(Locale.ROOT, "%.0f MiB", value / (1 << 20));
            case "cpu" -> String.format(Locale.ROOT, "%.3f cores", value);
            case "throughput" -> String.format(Locale.ROOT, "%.1f rps", value);
            default -> String.format(Locale.ROOT, "%.4g", value);
        };
    }
}
