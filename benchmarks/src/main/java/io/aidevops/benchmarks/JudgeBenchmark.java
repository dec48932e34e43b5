package io.aidevops.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.CanaryJudge;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.ai.stats.RankSum;
import io.aidevops.ai.stats.ShiftInterval;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one judgment of a large canary takes: 100 metrics of 1,000 points per side (a long analysis of many
 * metrics), judged by the suite's judge and by the Kayenta-equivalent one. The target is under 20 ms per judgment on
 * one core. {@code metrics=mixed} is a realistic mix of kinds; {@code metrics=latency} is the worst case, every metric
 * a latency with its location, tail and spread tests. {@link #shiftInterval} times the Hodges-Lehmann interval of
 * 1,000 x 1,000 points, the judge's most expensive step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JudgeBenchmark {

    /** Points per side of every metric. */
    static final int POINTS = 1_000;

    /** Metrics per judgment. */
    static final int METRICS = 100;

    /** {@code mixed}: 30 latencies, 20 error rates with request counts, 20 resources, 15 throughputs, 15 gauges. */
    @Param({"mixed", "latency"})
    public String metrics;

    /** The judge's name: {@code aidevops} or {@code kayenta}. */
    @Param({"aidevops", "kayenta"})
    public String judge;

    private CanaryJudge canaryJudge;
    private JudgeRequest request;
    private double[] sortedCanary;
    private double[] sortedBaseline;
    private double sigma;

    /** Builds the request once: the same data for every invocation. */
    @Setup(Level.Trial)
    public void setUp() {
        canaryJudge = judge.equals("kayenta") ? new KayentaJudge() : new AdaptiveJudge();
        request = request(metrics.equals("latency"), new SplittableRandom(20_260_101L));
        MetricSamples first = request.metrics().get(0).samples();
        sortedCanary = first.canaryPresent();
        sortedBaseline = first.baselinePresent();
        Arrays.sort(sortedCanary);
        Arrays.sort(sortedBaseline);
        sigma = RankSum.of(sortedCanary, sortedBaseline).sigma();
    }

    /** One judgment of 100 metrics. */
    @Benchmark
    public CanaryVerdict judge() {
        return canaryJudge.judge(request);
    }

    /** The Hodges-Lehmann estimate and 98 % interval of 1,000 x 1,000 points (once per judge parameter). */
    @Benchmark
    public ShiftInterval shiftInterval() {
        return ShiftInterval.of(sortedCanary, sortedBaseline, sigma, 0.98);
    }

    /** The request: every metric's canary a little worse (3 %) than its baseline, so every test runs in full. */
    static JudgeRequest request(boolean allLatency, SplittableRandom random) {
        List<MetricInput> inputs = new ArrayList<>(METRICS);
        for (int m = 0; m < METRICS; m++) {
            MetricKind kind = allLatency ? MetricKind.LATENCY : kindOf(m);
            MetricSpec spec = MetricSpec.of(kind.name().toLowerCase() + "_" + m, kind);
            if (kind == MetricKind.ERROR_RATE) {
                double[] baseline = new double[POINTS];
                double[] canary = new double[POINTS];
                double[] requests = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    requests[i] = 50 + random.nextInt(100);
                    baseline[i] = binomial(random, (int) requests[i], 0.002) / requests[i];
                    canary[i] = binomial(random, (int) requests[i], 0.003) / requests[i];
                }
                inputs.add(new MetricInput(spec, new MetricSamples(baseline, canary, requests, requests)));
            } else {
                double level = 10 + random.nextDouble() * 200;
                inputs.add(new MetricInput(spec, MetricSamples.of(logNormal(random, level, 0.3),
                        logNormal(random, level * 1.03, 0.3))));
            }
        }
        return JudgeRequest.of(inputs);
    }

    private static MetricKind kindOf(int m) {
        if (m < 30) {
            return MetricKind.LATENCY;
        }
        if (m < 50) {
            return MetricKind.ERROR_RATE;
        }
        if (m < 70) {
            return MetricKind.RESOURCE;
        }
        return m < 85 ? MetricKind.THROUGHPUT : MetricKind.GAUGE;
    }

    private static double[] logNormal(SplittableRandom random, double median, double sigma) {
        double[] values = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            values[i] = median * Math.exp(sigma * random.nextGaussian());
        }
        return values;
    }

    private static int binomial(SplittableRandom random, int trials, double p) {
        int count = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                count++;
            }
        }
        return count;
    }
}
