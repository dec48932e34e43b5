package io.aidevops.deploy.metrics;

import io.aidevops.ai.metrics.PrometheusText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Per-interval values of the built-in metrics from two consecutive scrapes of one pod.
 *
 * <p>Counters are differenced like PromQL's {@code increase}: a counter that went down was reset by a container
 * restart, and its increase is then its whole current value. A reset is decided per metric family (all series of
 * {@code http_requests_total} together, the whole latency histogram together), because a restart resets them all
 * and mixing reset and non-reset deltas of one family would make nonsense ratios.
 */
final class PodIntervals {

    private PodIntervals() {
    }

    /** The request count between the two scrapes. */
    static double requests(PodReading previous, PodReading current) {
        return requestsReset(previous, current) ? current.requests() : current.requests() - previous.requests();
    }

    /** Share of 5xx among the requests between the two scrapes; empty without requests. */
    static OptionalDouble errorRate(PodReading previous, PodReading current) {
        double requests = requests(previous, current);
        double errors = requestsReset(previous, current) ? current.errors() : current.errors() - previous.errors();
        return requests > 0 && errors >= 0 ? OptionalDouble.of(errors / requests) : OptionalDouble.empty();
    }

    /** Requests per second between the two scrapes. */
    static OptionalDouble throughput(PodReading previous, PodReading current) {
        double seconds = seconds(previous, current);
        double requests = requests(previous, current);
        return seconds > 0 && requests >= 0 ? OptionalDouble.of(requests / seconds) : OptionalDouble.empty();
    }

    /** Mean latency in seconds of the requests between the two scrapes; empty without requests. */
    static OptionalDouble latencyMean(PodReading previous, PodReading current) {
        boolean reset = latencyReset(previous, current);
        double count = reset ? current.latencyCount() : current.latencyCount() - previous.latencyCount();
        double sum = reset ? current.latencySum() : current.latencySum() - previous.latencySum();
        return count > 0 ? OptionalDouble.of(sum / count) : OptionalDouble.empty();
    }

    /** The quantile {@code q} of the latencies between the two scrapes, from histogram bucket deltas. */
    static OptionalDouble latencyQuantile(double q, PodReading previous, PodReading current) {
        List<PrometheusText.Bucket> now = current.buckets();
        if (now.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<PrometheusText.Bucket> deltas = now;
        if (!latencyReset(previous, current)) {
            deltas = new ArrayList<>();
            for (int i = 0; i < now.size(); i++) {
                deltas.add(new PrometheusText.Bucket(now.get(i).upperBound(),
                        now.get(i).cumulativeCount() - previous.buckets().get(i).cumulativeCount()));
            }
        }
        double value = HistogramQuantile.of(q, deltas);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** CPU cores used between the two scrapes. */
    static OptionalDouble cpu(PodReading previous, PodReading current) {
        double seconds = seconds(previous, current);
        double used = current.cpuSeconds() < previous.cpuSeconds() ? current.cpuSeconds()
                : current.cpuSeconds() - previous.cpuSeconds();
        return seconds > 0 && used >= 0 ? OptionalDouble.of(used / seconds) : OptionalDouble.empty();
    }

    private static boolean requestsReset(PodReading previous, PodReading current) {
        return current.requests() < previous.requests() || current.errors() < previous.errors();
    }

    /** A reset of the histogram; a change of bucket layout counts as one too (a new binary after a restart). */
    private static boolean latencyReset(PodReading previous, PodReading current) {
        if (current.latencyCount() < previous.latencyCount() || current.latencySum() < previous.latencySum()
                || current.buckets().size() != previous.buckets().size()) {
            return true;
        }
        for (int i = 0; i < current.buckets().size(); i++) {
            PrometheusText.Bucket now = current.buckets().get(i);
            PrometheusText.Bucket before = previous.buckets().get(i);
            if (now.upperBound() != before.upperBound() || now.cumulativeCount() < before.cumulativeCount()) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(PodReading previous, PodReading current) {
        return Duration.between(previous.at(), current.at()).toNanos() / 1e9;
    }
}
