package io.aidevops.cluster;

import java.util.List;

/**
 * A container's metrics at one instant.
 *
 * @param okRequests requests answered with HTTP 200 since the container started
 * @param errorRequests requests answered with HTTP 500 since the container started
 * @param cumulativeBuckets requests no slower than each of {@link TrafficMeter#BUCKET_BOUNDS}, then all requests
 *        (the {@code +Inf} bucket)
 * @param latencySum total latency of all requests, in seconds
 * @param cpuSeconds CPU time used since the container started
 * @param residentMemoryBytes resident memory now
 */
record MetricsSample(long okRequests, long errorRequests, List<Long> cumulativeBuckets, double latencySum,
        double cpuSeconds, long residentMemoryBytes) {

    MetricsSample {
        cumulativeBuckets = List.copyOf(cumulativeBuckets);
    }

    /** All requests. */
    long requestCount() {
        return okRequests + errorRequests;
    }
}
