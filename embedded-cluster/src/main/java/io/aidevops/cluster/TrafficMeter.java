package io.aidevops.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The metrics of one run of one container, computed from simulated time.
 *
 * <p>Counters accumulate second by second since the container started; each second's traffic is drawn from a random
 * stream keyed by the run and the second's index (see {@link Noise}), so a scrape at a given instant always sees the
 * same values, however often and in whatever order the meter is read, and counters never decrease. A restarted
 * container gets a new meter: its counters start again from zero, as a real process's do.
 *
 * <p>Requests arrive only once the container is ready, as a Service routes to ready pods only. Latencies are
 * log-normal around the behaviour's median. Memory follows a linear trend from the behaviour's size at start and its
 * growth rate, with about 1 % of noise on the reported value.
 */
final class TrafficMeter {

    /** Upper bounds of the latency histogram's buckets, in seconds (Prometheus' default buckets). */
    static final List<Double> BUCKET_BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private static final double RATE_NOISE = 0.1;
    private static final double CPU_NOISE = 0.1;
    private static final double MEMORY_NOISE = 0.01;

    private final long noiseKey;
    private final long memoryNoiseKey;
    private final Instant startedAt;
    private final Instant servingFrom;
    private WorkloadBehaviour behaviour;

    private long accountedSeconds;
    private long okRequests;
    private long errorRequests;
    private final long[] bucketCounts = new long[BUCKET_BOUNDS.size() + 1];
    private double latencySum;
    private double cpuSeconds;

    private Instant memoryAnchorAt;
    private double memoryAnchorBytes;

    /**
     * @param noiseKey the key of this run's random streams
     * @param startedAt when the container started
     * @param servingFrom when the container became ready and traffic began; null if it never serves
     * @param behaviour how the container behaves
     */
    TrafficMeter(long noiseKey, Instant startedAt, Instant servingFrom, WorkloadBehaviour behaviour) {
        this.noiseKey = noiseKey;
        this.memoryNoiseKey = Noise.key(noiseKey, "memory");
        this.startedAt = startedAt;
        this.servingFrom = servingFrom;
        this.behaviour = behaviour;
        this.memoryAnchorAt = startedAt;
        this.memoryAnchorBytes = behaviour.memoryBytes();
    }

    /** The metrics at {@code at}; instants before the start read as the start. */
    synchronized MetricsSample sampleAt(Instant at) {
        long second = wholeSecondsSinceStart(at);
        accountUpTo(second);
        List<Long> cumulative = new ArrayList<>();
        long sum = 0;
        for (long count : bucketCounts) {
            sum += count;
            cumulative.add(sum);
        }
        double noise = 1 + MEMORY_NOISE * Noise.random(memoryNoiseKey, second).nextGaussian();
        long memory = Math.max(0, Math.round(memoryTrendAt(at) * noise));
        return new MetricsSample(okRequests, errorRequests, cumulative, latencySum, cpuSeconds, memory);
    }

    /**
     * Switches to another behaviour from {@code at} on; what happened before keeps the old behaviour's numbers.
     */
    synchronized void changeBehaviour(WorkloadBehaviour next, Instant at) {
        accountUpTo(wholeSecondsSinceStart(at));
        memoryAnchorBytes = memoryTrendAt(at);
        memoryAnchorAt = at.isBefore(startedAt) ? startedAt : at;
        behaviour = next;
    }

    /**
     * When the memory trend reaches {@code limitBytes}.
     *
     * @return the instant, not before the last behaviour change; empty if memory never gets there
     */
    synchronized Optional<Instant> memoryReaches(long limitBytes) {
        if (memoryAnchorBytes >= limitBytes) {
            return Optional.of(memoryAnchorAt);
        }
        long growth = behaviour.memoryGrowthBytesPerSecond();
        if (growth <= 0) {
            return Optional.empty();
        }
        double seconds = (limitBytes - memoryAnchorBytes) / growth;
        return Optional.of(memoryAnchorAt.plusNanos(Math.round(seconds * 1e9)));
    }

    private double memoryTrendAt(Instant at) {
        double seconds = Math.max(0, Duration.between(memoryAnchorAt, at).toNanos() / 1e9);
        return memoryAnchorBytes + behaviour.memoryGrowthBytesPerSecond() * seconds;
    }

    private long wholeSecondsSinceStart(Instant at) {
        return at.isBefore(startedAt) ? 0 : Duration.between(startedAt, at).getSeconds();
    }

    private void accountUpTo(long seconds) {
        for (long second = accountedSeconds; second < seconds; second++) {
            accountSecond(second);
        }
        accountedSeconds = Math.max(accountedSeconds, seconds);
    }

    private void accountSecond(long second) {
        SplittableRandom random = Noise.random(noiseKey, second);
        cpuSeconds += behaviour.cpuCores() * Math.max(0, 1 + CPU_NOISE * random.nextGaussian());
        if (servingFrom == null || startedAt.plusSeconds(second).isBefore(servingFrom)) {
            return;
        }
        double expected = behaviour.requestsPerSecond() * Math.max(0, 1 + RATE_NOISE * random.nextGaussian());
        long requests = (long) expected + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
        double median = behaviour.latencyMedian().toNanos() / 1e9;
        for (long request = 0; request < requests; request++) {
            double latency = median * Math.exp(behaviour.latencySpread() * random.nextGaussian());
            bucketCounts[bucketOf(latency)]++;
            latencySum += latency;
            if (random.nextDouble() < behaviour.errorRatio()) {
                errorRequests++;
            } else {
                okRequests++;
            }
        }
    }

    private static int bucketOf(double latency) {
        for (int bucket = 0; bucket < BUCKET_BOUNDS.size(); bucket++) {
            if (latency <= BUCKET_BOUNDS.get(bucket)) {
                return bucket;
            }
        }
        return BUCKET_BOUNDS.size();
    }
}
