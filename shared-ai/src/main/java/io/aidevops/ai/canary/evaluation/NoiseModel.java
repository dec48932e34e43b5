package io.aidevops.ai.canary.evaluation;

/**
 * The noise of an A/A rollout: what differs between two runs of the same version at the same time.
 *
 * @param podOffset each pod's speed and memory differ from nominal by a uniform factor in {@code 1 +- podOffset}
 *        (pods land on different nodes)
 * @param warmupBoost a fresh canary pod's latency and CPU start this much higher (JIT, cold caches), and its memory
 *        15 % lower, filling up over minutes; 0 turns both off
 * @param warmupSeconds ... and the excess decays with this time constant (e^-1 after it, ~5 % left after 3)
 * @param autocorrelation AR(1) coefficient of each pod's noise from one scrape to the next
 * @param podNoise standard deviation (log scale) of each pod's AR(1) latency and CPU noise
 * @param sharedLoadNoise standard deviation (log scale) of the AR(1) load noise both sides share
 * @param diurnalAmplitude amplitude of the daily load cycle both sides share (0.3 = +-30 % over a day)
 * @param spikeShare chance that a pod's scrape interval holds an outlier spike (GC pause, noisy neighbour):
 *        latency x2 to x5, CPU x1.3
 * @param missingShare chance that a scrape is missing (all metrics of that pod and interval NaN)
 * @param minRequestsPerSecond lowest traffic per pod a scenario draws (log-uniform)
 * @param maxRequestsPerSecond highest traffic per pod a scenario draws
 * @param zeroErrorShare share of scenarios (outside the error families) whose release has no errors at all
 * @param maxErrorRate highest base error rate a scenario draws (log-uniform from 0.01 %)
 */
public record NoiseModel(double podOffset, double warmupBoost, double warmupSeconds, double autocorrelation,
        double podNoise, double sharedLoadNoise, double diurnalAmplitude, double spikeShare, double missingShare,
        double minRequestsPerSecond, double maxRequestsPerSecond, double zeroErrorShare, double maxErrorRate) {

    /** Realistic noise: the corpus's default. */
    public static final NoiseModel REALISTIC = new NoiseModel(0.05, 0.30, 20, 0.6, 0.05, 0.05, 0.3, 0.01, 0.02,
            1, 20, 1.0 / 3, 0.005);

    /**
     * No pod offsets, warm-up, autocorrelation, spikes or missing scrapes, and busy pods: only the sampling noise of
     * requests. For tests that measure an injection's effect on its own.
     */
    public static final NoiseModel QUIET = new NoiseModel(0, 0, 20, 0, 0, 0, 0, 0, 0, 50, 50, 1, 0.005);

    /** @throws IllegalArgumentException if a share is outside [0, 1] or a scale is negative */
    public NoiseModel {
        requireShare("autocorrelation", autocorrelation, 0.99);
        requireShare("spikeShare", spikeShare, 1);
        requireShare("missingShare", missingShare, 0.5);
        requireShare("zeroErrorShare", zeroErrorShare, 1);
        requireShare("maxErrorRate", maxErrorRate, 0.5);
        requireShare("podOffset", podOffset, 0.5);
        requireShare("diurnalAmplitude", diurnalAmplitude, 0.9);
        if (!(warmupBoost >= 0) || !(warmupSeconds > 0) || !(podNoise >= 0) || !(sharedLoadNoise >= 0)) {
            throw new IllegalArgumentException("warm-up, noise and time constants must be positive numbers");
        }
        if (!(minRequestsPerSecond > 0) || !(maxRequestsPerSecond >= minRequestsPerSecond)) {
            throw new IllegalArgumentException("traffic needs 0 < min <= max requests per second, but is "
                    + minRequestsPerSecond + " to " + maxRequestsPerSecond);
        }
    }

    /** This model with another warm-up boost (0 turns the warm-up off). */
    public NoiseModel withWarmupBoost(double value) {
        return new NoiseModel(podOffset, value, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, spikeShare, missingShare, minRequestsPerSecond, maxRequestsPerSecond, zeroErrorShare,
                maxErrorRate);
    }

    /** This model with another share of missing scrapes. */
    public NoiseModel withMissingShare(double value) {
        return new NoiseModel(podOffset, warmupBoost, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, spikeShare, value, minRequestsPerSecond, maxRequestsPerSecond, zeroErrorShare,
                maxErrorRate);
    }

    /** This model with another pod offset. */
    public NoiseModel withPodOffset(double value) {
        return new NoiseModel(value, warmupBoost, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, spikeShare, missingShare, minRequestsPerSecond, maxRequestsPerSecond, zeroErrorShare,
                maxErrorRate);
    }

    /** This model with another AR(1) coefficient and pod noise. */
    public NoiseModel withPodNoise(double coefficient, double sd) {
        return new NoiseModel(podOffset, warmupBoost, warmupSeconds, coefficient, sd, sharedLoadNoise,
                diurnalAmplitude, spikeShare, missingShare, minRequestsPerSecond, maxRequestsPerSecond, zeroErrorShare,
                maxErrorRate);
    }

    /** This model with another share of spiking intervals. */
    public NoiseModel withSpikeShare(double value) {
        return new NoiseModel(podOffset, warmupBoost, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, value, missingShare, minRequestsPerSecond, maxRequestsPerSecond, zeroErrorShare,
                maxErrorRate);
    }

    /** This model with traffic per pod drawn from {@code min} to {@code max} requests per second. */
    public NoiseModel withTraffic(double min, double max) {
        return new NoiseModel(podOffset, warmupBoost, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, spikeShare, missingShare, min, max, zeroErrorShare, maxErrorRate);
    }

    /** This model with base error rates: {@code zeroShare} of scenarios without errors, the rest up to {@code max}. */
    public NoiseModel withErrors(double zeroShare, double max) {
        return new NoiseModel(podOffset, warmupBoost, warmupSeconds, autocorrelation, podNoise, sharedLoadNoise,
                diurnalAmplitude, spikeShare, missingShare, minRequestsPerSecond, maxRequestsPerSecond, zeroShare,
                max);
    }

    private static void requireShare(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], but is " + value);
        }
    }
}
