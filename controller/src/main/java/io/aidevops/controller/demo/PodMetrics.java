package io.aidevops.controller.demo;

import java.util.List;

/**
 * The figures the demo shows for one pod, from one scrape of its metrics endpoint.
 *
 * @param pod           pod name
 * @param image         the pod's image
 * @param requests      requests served
 * @param errors        requests answered 5xx
 * @param meanLatencyMs mean request latency in milliseconds
 * @param memoryBytes   resident memory
 */
public record PodMetrics(String pod, String image, double requests, double errors, double meanLatencyMs,
                         double memoryBytes) {

    /** @return errors / requests, 0 when there were no requests */
    public double errorRatio() {
        return requests == 0 ? 0 : errors / requests;
    }

    static PodMetrics from(String pod, String image, List<MetricSample> samples) {
        double ok = 0;
        double errors = 0;
        double latencySum = 0;
        double latencyCount = 0;
        double memory = 0;
        for (var s : samples) {
            switch (s.name()) {
                case "http_requests_total" -> {
                    if (s.labels().getOrDefault("code", "").startsWith("5")) {
                        errors += s.value();
                    } else {
                        ok += s.value();
                    }
                }
                case "http_request_duration_seconds_sum" -> latencySum += s.value();
                case "http_request_duration_seconds_count" -> latencyCount += s.value();
                case "process_resident_memory_bytes" -> memory = s.value();
                default -> {
                    // other series are not shown by the demo
                }
            }
        }
        var mean = latencyCount == 0 ? 0 : 1000 * latencySum / latencyCount;
        return new PodMetrics(pod, image, ok + errors, errors, mean, memory);
    }
}
