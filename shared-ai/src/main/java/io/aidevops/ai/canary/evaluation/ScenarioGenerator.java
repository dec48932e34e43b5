package io.aidevops.ai.canary.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.ai.canary.SeriesSummary;
import io.aidevops.ai.stats.Normal;

/**
 * Generates labelled rollouts: baseline and canary run at the same time, each pod scraped every few seconds, under
 * the noise of a real deployment, with a regression of known size injected into the canary only.
 *
 * <p>Per scrape and pod the generator draws the requests of that interval (Poisson around the traffic of the moment)
 * and a latency and an outcome for each request, so latency quantiles, means, error counts, CPU and throughput of a
 * point all come from the same requests, as they do in Prometheus. What shapes them:
 * <ul>
 *   <li>the scenario's service: median latency 20-200 ms, request-level log-normal spread 0.25-0.6, traffic per pod
 *       and base error rate drawn once per rollout;</li>
 *   <li>load both sides share, because they run at the same time: a daily cycle and AR(1) bursts;</li>
 *   <li>per pod: a speed offset, AR(1) noise of latency, CPU and memory, outlier spikes and missing scrapes;</li>
 *   <li>the canary's pods are fresh: latency and CPU start high and decay (JIT, caches), memory starts low.</li>
 * </ul>
 * Every rollout has its own random stream derived from the generator's seed, the spec and the rollout's number, so a
 * scenario is the same whatever else is generated, and in whatever order.
 */
public final class ScenarioGenerator {

    /** Per-interval p99 latency in ms (LATENCY). */
    public static final String LATENCY_P99 = "latency_p99";
    /** Per-interval mean latency in ms (LATENCY). */
    public static final String LATENCY_MEAN = "latency_mean";
    /** Per-interval share of failed requests, with request counts as weights (ERROR_RATE). */
    public static final String ERROR_RATE = "error_rate";
    /** CPU cores used (RESOURCE). */
    public static final String CPU = "cpu";
    /** Working-set memory in MB (RESOURCE). */
    public static final String MEMORY = "memory";
    /** Requests per second per pod (THROUGHPUT). */
    public static final String THROUGHPUT = "throughput";

    /** Share of requests that a tail regression slows down. */
    static final double TAIL_SHARE = 0.02;
    /** Base error rate of {@link ScenarioFamily#ERROR_FROM_BASE}. */
    static final double BASE_ERROR_RATE = 0.002;
    /** Look (1-based) at which a late-onset regression starts. */
    static final int LATE_ONSET_LOOK = 3;

    private static final List<MetricSpec> SPECS = List.of(MetricSpec.of(LATENCY_P99, MetricKind.LATENCY),
            MetricSpec.of(LATENCY_MEAN, MetricKind.LATENCY), MetricSpec.of(ERROR_RATE, MetricKind.ERROR_RATE),
            MetricSpec.of(CPU, MetricKind.RESOURCE), MetricSpec.of(MEMORY, MetricKind.RESOURCE),
            MetricSpec.of(THROUGHPUT, MetricKind.THROUGHPUT));

    private static final double Z99 = Normal.quantile(0.99);
    private static final double DAY_SECONDS = 86_400;
    /** AR(1) coefficient of the load both sides share: bursts last about a minute. */
    private static final double SHARED_LOAD_AR = 0.8;
    /** How strongly latency follows load (a service far from saturation). */
    private static final double LATENCY_LOAD_EXPONENT = 0.3;
    /** Share of CPU that does not depend on traffic (GC, background threads). */
    private static final double CPU_IDLE_SHARE = 0.3;
    /** A fresh pod's memory starts this much lower and fills up with this time constant. */
    private static final double MEMORY_FILL = 0.15;
    private static final double MEMORY_FILL_SECONDS = 90;
    /** Memory hardly wobbles: a fifth of the pod noise. */
    private static final double MEMORY_NOISE_SHARE = 0.2;

    private final GeneratorSettings settings;
    private final long seed;

    /**
     * @param settings looks, scrape interval and noise of every rollout
     * @param seed the corpus's seed
     */
    public ScenarioGenerator(GeneratorSettings settings, long seed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seed = seed;
    }

    /** The metrics of every scenario, in judging order, with the defaults of their kinds. */
    public static List<MetricSpec> metricSpecs() {
        return SPECS;
    }

    /** The settings of this generator. */
    public GeneratorSettings settings() {
        return settings;
    }

    /**
     * Rollout number {@code index} of {@code spec}.
     *
     * @param spec what to inject
     * @param index the rollout's number within its spec, from 0
     */
    public Scenario generate(ScenarioSpec spec, int index) {
        var random = new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + spec.key().hashCode() * 0x9E3779B97F4A7C15L
                + index));
        return new Rollout(settings, spec, random).run(spec.key() + " #" + index);
    }

    /**
     * The factor by which {@link ScenarioFamily#LATENCY_TAIL} slows {@value #TAIL_SHARE} of the requests so that the
     * p99 of a log-normal latency with log-scale spread {@code sigma} grows by {@code p99Ratio}.
     */
    static double tailFactor(double p99Ratio, double sigma) {
        if (p99Ratio <= 1) {
            return 1;
        }
        // The mixture's p99 u (log scale, median 0) solves (1-q) Phi(u/s) + q Phi((u - ln F)/s) = 0.99.
        double u = Math.log(p99Ratio) + Z99 * sigma;
        double slowShareBelow = (0.99 - (1 - TAIL_SHARE) * Normal.cdf(u / sigma)) / TAIL_SHARE;
        return Math.exp(u - sigma * Normal.quantile(slowShareBelow));
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The state of one rollout while it is generated. */
    private static final class Rollout {
        private final GeneratorSettings settings;
        private final NoiseModel noise;
        private final ScenarioSpec spec;
        private final SplittableRandom random;
        private final int points;
        private final double scrape;
        private double[] latencies = new double[256];

        // The service, drawn once per rollout.
        private final double medianMs;
        private final double sigma;
        private final double requestsPerSecond;
        private final double baseErrorRate;
        private final double cpuCores;
        private final double memoryMb;
        private final double tailFactor;
        private final double[] load;

        Rollout(GeneratorSettings settings, ScenarioSpec spec, SplittableRandom random) {
            this.settings = settings;
            this.noise = settings.noise();
            this.spec = spec;
            this.random = random;
            this.points = settings.pointsPerPod();
            this.scrape = settings.scrapeSeconds();
            medianMs = logUniform(20, 200);
            sigma = uniform(0.25, 0.6);
            requestsPerSecond = logUniform(noise.minRequestsPerSecond(), noise.maxRequestsPerSecond());
            baseErrorRate = switch (spec.family()) {
                case ERROR_FROM_ZERO -> 0;
                case ERROR_FROM_BASE -> BASE_ERROR_RATE;
                default -> random.nextDouble() < noise.zeroErrorShare() ? 0
                        : logUniform(Math.min(1e-4, noise.maxErrorRate()), noise.maxErrorRate());
            };
            cpuCores = uniform(0.2, 1.0);
            memoryMb = uniform(200, 800);
            tailFactor = spec.family() == ScenarioFamily.LATENCY_TAIL ? tailFactor(spec.size(), sigma) : 1;
            load = sharedLoad();
        }

        Scenario run(String id) {
            int baselinePods = spec.baselinePods();
            int canaryPods = spec.canaryPods();
            double[][][] baseline = new double[6][baselinePods][];
            double[][][] canary = new double[6][canaryPods][];
            double[][] baselineRequests = new double[baselinePods][];
            double[][] canaryRequests = new double[canaryPods][];
            for (int pod = 0; pod < baselinePods; pod++) {
                pod(false, pod, baseline, baselineRequests);
            }
            for (int pod = 0; pod < canaryPods; pod++) {
                pod(true, pod, canary, canaryRequests);
            }
            var series = new MetricSeries[6];
            for (int m = 0; m < 6; m++) {
                boolean weighted = m == 2;
                series[m] = new MetricSeries(SPECS.get(m), baseline[m], canary[m],
                        weighted ? baselineRequests : null, weighted ? canaryRequests : null);
            }
            return new Scenario(id, spec, settings.looks(), settings.pointsPerLook(), List.of(series));
        }

        /** Both sides see the same load: a slice of the daily cycle and AR(1) bursts, mean 1. */
        private double[] sharedLoad() {
            double phase = uniform(0, 2 * Math.PI);
            double sd = noise.sharedLoadNoise();
            double[] result = new double[points];
            double ar = sd * random.nextGaussian();
            double innovation = Math.sqrt(1 - SHARED_LOAD_AR * SHARED_LOAD_AR) * sd;
            for (int t = 0; t < points; t++) {
                if (t > 0) {
                    ar = SHARED_LOAD_AR * ar + innovation * random.nextGaussian();
                }
                double daily = 1 + noise.diurnalAmplitude() * Math.sin(phase + 2 * Math.PI * t * scrape / DAY_SECONDS);
                result[t] = daily * Math.exp(ar - sd * sd / 2);
            }
            return result;
        }

        /** One pod's metrics: values[metric][pod][point] and the requests behind each point. */
        private void pod(boolean isCanary, int pod, double[][][] values, double[][] requests) {
            double[] p99 = new double[points];
            double[] mean = new double[points];
            double[] errors = new double[points];
            double[] cpu = new double[points];
            double[] memory = new double[points];
            double[] throughput = new double[points];
            double[] counts = new double[points];
            double speed = 1 + uniform(-noise.podOffset(), noise.podOffset());
            double memoryOffset = 1 + uniform(-noise.podOffset(), noise.podOffset());
            double phi = noise.autocorrelation();
            double sd = noise.podNoise();
            double memorySd = sd * MEMORY_NOISE_SHARE;
            double innovation = Math.sqrt(1 - phi * phi);
            double latencyAr = sd * random.nextGaussian();
            double cpuAr = sd * random.nextGaussian();
            double memoryAr = memorySd * random.nextGaussian();
            int pointsPerLook = settings.pointsPerLook();
            double expectedRequests = requestsPerSecond * scrape;
            for (int t = 0; t < points; t++) {
                if (t > 0) {
                    latencyAr = phi * latencyAr + innovation * sd * random.nextGaussian();
                    cpuAr = phi * cpuAr + innovation * sd * random.nextGaussian();
                    memoryAr = phi * memoryAr + innovation * memorySd * random.nextGaussian();
                }
                double age = (t + 0.5) * scrape;
                double warm = isCanary ? 1 + noise.warmupBoost() * Math.exp(-age / noise.warmupSeconds()) : 1;
                boolean spike = random.nextDouble() < noise.spikeShare();
                double spikeFactor = spike ? uniform(2, 5) : 1;
                boolean missing = random.nextDouble() < noise.missingShare();
                double shift = isCanary ? shift(pod, t, pointsPerLook) : 1;
                double errorRate = baseErrorRate + (isCanary && spec.family().absolute() ? spec.size() : 0);
                double slowShare = isCanary && tailFactor > 1 ? TAIL_SHARE : 0;
                double levelNoNoise = medianMs * speed * Math.pow(load[t], LATENCY_LOAD_EXPONENT) * warm * shift;
                double level = levelNoNoise * Math.exp(latencyAr - sd * sd / 2) * spikeFactor;

                int n = poisson(expectedRequests * load[t]);
                if (latencies.length < n) {
                    latencies = new double[Math.max(n, 2 * latencies.length)];
                }
                int failed = 0;
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    double latency = level * Math.exp(sigma * random.nextGaussian());
                    if (slowShare > 0 && random.nextDouble() < slowShare) {
                        latency *= tailFactor;
                    }
                    latencies[r] = latency;
                    sum += latency;
                    if (errorRate > 0 && random.nextDouble() < errorRate) {
                        failed++;
                    }
                }
                double cpuNoNoise = cpuCores * speed * warm * (CPU_IDLE_SHARE + (1 - CPU_IDLE_SHARE) * load[t]);
                double cpuValue = cpuCores * speed * warm
                        * (CPU_IDLE_SHARE + (1 - CPU_IDLE_SHARE) * n / expectedRequests)
                        * Math.exp(cpuAr - sd * sd / 2) * (spike ? 1.3 : 1);
                double fill = isCanary && noise.warmupBoost() > 0 ? 1 - MEMORY_FILL * Math.exp(-age / MEMORY_FILL_SECONDS)
                        : 1;
                double leak = isCanary && spec.family() == ScenarioFamily.MEMORY_LEAK ? 1 + spec.size() * (t + 0.5)
                        / points : 1;
                memory[t] = memoryMb * memoryOffset * fill * Math.exp(memoryAr - memorySd * memorySd / 2) * leak;
                throughput[t] = n / scrape;
                counts[t] = n;
                if (n > 0) {
                    Arrays.sort(latencies, 0, n);
                    p99[t] = quantileOfSortedPrefix(latencies, n, 0.99);
                    mean[t] = sum / n;
                    errors[t] = (double) failed / n;
                } else {
                    // Prometheus divides 0 by 0: no latency and no error share in an interval without requests.
                    p99[t] = Double.NaN;
                    mean[t] = Double.NaN;
                    errors[t] = Double.NaN;
                }
                cpu[t] = cpuValue;
                if (isCanary && spec.family() == ScenarioFamily.VARIANCE) {
                    double meanNoNoise = levelNoNoise * Math.exp(sigma * sigma / 2);
                    mean[t] = scaleDeviation(mean[t], meanNoNoise, spec.size());
                    cpu[t] = scaleDeviation(cpu[t], cpuNoNoise, spec.size());
                }
                if (missing) {
                    p99[t] = Double.NaN;
                    mean[t] = Double.NaN;
                    errors[t] = Double.NaN;
                    cpu[t] = Double.NaN;
                    memory[t] = Double.NaN;
                    throughput[t] = Double.NaN;
                    counts[t] = 0;
                }
            }
            values[0][pod] = p99;
            values[1][pod] = mean;
            values[2][pod] = errors;
            values[3][pod] = cpu;
            values[4][pod] = memory;
            values[5][pod] = throughput;
            requests[pod] = counts;
        }

        /** The canary's latency factor of one pod at one point. */
        private double shift(int pod, int t, int pointsPerLook) {
            return switch (spec.family()) {
                case LATENCY_SHIFT -> spec.size();
                case LATE_ONSET -> t >= (LATE_ONSET_LOOK - 1) * pointsPerLook ? spec.size() : 1;
                case BAD_POD -> pod == 0 ? spec.size() : 1;
                default -> 1;
            };
        }

        /** The same mean, {@code factor} times the deviation; kept above a twentieth of the level. */
        private static double scaleDeviation(double value, double level, double factor) {
            if (Double.isNaN(value)) {
                return value;
            }
            return Math.max(level / 20, level + factor * (value - level));
        }

        /** R-7 quantile of the first {@code n} (sorted) values, as {@link SeriesSummary#quantileOfSorted}. */
        private static double quantileOfSortedPrefix(double[] sorted, int n, double p) {
            double h = (n - 1) * p;
            int below = (int) Math.floor(h);
            int above = Math.min(below + 1, n - 1);
            return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
        }

        private int poisson(double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > 30) {
                // The normal approximation is close enough at this size, and much cheaper than exact sampling.
                return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }

        private double uniform(double low, double high) {
            return low == high ? low : low + (high - low) * random.nextDouble();
        }

        private double logUniform(double low, double high) {
            return Math.exp(uniform(Math.log(low), Math.log(high)));
        }
    }
}
