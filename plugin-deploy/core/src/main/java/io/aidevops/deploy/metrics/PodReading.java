package io.aidevops.deploy.metrics;

import io.aidevops.ai.metrics.PrometheusText;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What one scrape of one pod said, reduced to the numbers the built-in metrics need (a full exposition per scrape
 * would cost memory for nothing). Values absent from the scrape are NaN.
 *
 * @param at when it was scraped (the engine's clock)
 * @param requests {@code http_requests_total}, all codes
 * @param errors {@code http_requests_total} with a 5xx code
 * @param latencySum {@code http_request_duration_seconds_sum}
 * @param latencyCount {@code http_request_duration_seconds_count}
 * @param buckets {@code http_request_duration_seconds_bucket}, cumulative, sorted by bound
 * @param cpuSeconds {@code process_cpu_seconds_total}
 * @param memoryBytes {@code process_resident_memory_bytes}
 */
record PodReading(Instant at, double requests, double errors, double latencySum, double latencyCount,
        List<PrometheusText.Bucket> buckets, double cpuSeconds, double memoryBytes) {

    private static final Pattern SERVER_ERROR = Pattern.compile("5..");
    private static final String LATENCY = "http_request_duration_seconds";

    PodReading {
        buckets = List.copyOf(buckets);
    }

    static PodReading of(Instant at, PrometheusText.Exposition exposition) {
        double requests = exposition.sum("http_requests_total");
        double errors = requests >= 0 ? orZero(exposition.sum("http_requests_total", isServerError())) : Double.NaN;
        return new PodReading(at, requests, errors, exposition.sum(LATENCY + "_sum"),
                exposition.sum(LATENCY + "_count"), exposition.histogram(LATENCY),
                exposition.sum("process_cpu_seconds_total"), exposition.sum("process_resident_memory_bytes"));
    }

    private static Predicate<java.util.Map<String, String>> isServerError() {
        return labels -> labels.get("code") != null && SERVER_ERROR.matcher(labels.get("code")).matches();
    }

    /** A pod that served no 5xx yet exports no such series at all: that is zero errors, not missing data. */
    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
