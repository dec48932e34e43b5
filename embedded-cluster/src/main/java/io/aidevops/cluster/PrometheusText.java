package io.aidevops.cluster;

import java.math.BigDecimal;
import java.util.List;

/** Writes a {@link MetricsSample} in the Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {

    /** The content type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /** The exposition of {@code sample}. */
    static String render(MetricsSample sample) {
        StringBuilder text = new StringBuilder(1024);
        header(text, "http_requests_total", "counter", "Total number of HTTP requests served, by status code.");
        text.append("http_requests_total{code=\"200\"} ").append(sample.okRequests()).append('\n');
        text.append("http_requests_total{code=\"500\"} ").append(sample.errorRequests()).append('\n');

        header(text, "http_request_duration_seconds", "histogram", "HTTP request latency in seconds.");
        List<Long> buckets = sample.cumulativeBuckets();
        for (int bucket = 0; bucket < TrafficMeter.BUCKET_BOUNDS.size(); bucket++) {
            text.append("http_request_duration_seconds_bucket{le=\"")
                    .append(number(TrafficMeter.BUCKET_BOUNDS.get(bucket))).append("\"} ")
                    .append(buckets.get(bucket)).append('\n');
        }
        text.append("http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(sample.requestCount()).append('\n');
        text.append("http_request_duration_seconds_sum ").append(number(sample.latencySum())).append('\n');
        text.append("http_request_duration_seconds_count ").append(sample.requestCount()).append('\n');

        header(text, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
        text.append("process_cpu_seconds_total ").append(number(sample.cpuSeconds())).append('\n');

        header(text, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        text.append("process_resident_memory_bytes ").append(sample.residentMemoryBytes()).append('\n');
        return text.toString();
    }

    private static void header(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A plain decimal without exponent or trailing zeros, as Prometheus client libraries print {@code le}. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
