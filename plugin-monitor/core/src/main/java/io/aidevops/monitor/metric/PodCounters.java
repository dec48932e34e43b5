package io.aidevops.monitor.metric;

import io.aidevops.ai.metrics.PrometheusText;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What one scrape of one pod said, reduced to the numbers the pod scrape metrics need (a whole exposition per pod
 * would cost memory for nothing). Values the pod does not export are NaN.
 *
 * @param at when it was scraped
 * @param requests {@code http_requests_total}, all codes
 * @param errors {@code http_requests_total} with a 5xx code
 * @param latencySum {@code http_request_duration_seconds_sum}
 * @param latencyCount {@code http_request_duration_seconds_count}
 * @param cpuSeconds {@code process_cpu_seconds_total}
 * @param memoryBytes {@code process_resident_memory_bytes}
 */
record PodCounters(Instant at, double requests, double errors, double latencySum, double latencyCount,
        double cpuSeconds, double memoryBytes) {

    private static final Pattern SERVER_ERROR = Pattern.compile("5..");

    static PodCounters of(Instant at, PrometheusText.Exposition exposition) {
        double requests = exposition.sum("http_requests_total");
        double errors = exposition.sum("http_requests_total", isServerError());
        // A pod that has served no 5xx yet often exports no such series at all: zero errors, not missing data.
        return new PodCounters(at, requests, Double.isNaN(requests) || !Double.isNaN(errors) ? errors : 0,
                exposition.sum("http_request_duration_seconds_sum"),
                exposition.sum("http_request_duration_seconds_count"),
                exposition.sum("process_cpu_seconds_total"), exposition.sum("process_resident_memory_bytes"));
    }

    /** How much a counter grew from {@code before} to {@code now}; a smaller value means the counter was reset. */
    static double increase(double before, double now) {
        return now >= before ? now - before : now;
    }

    private static Predicate<Map<String, String>> isServerError() {
        return labels -> labels.get("code") != null && SERVER_ERROR.matcher(labels.get("code")).matches();
    }
}
