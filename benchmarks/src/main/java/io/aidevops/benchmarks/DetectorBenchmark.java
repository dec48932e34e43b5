package io.aidevops.benchmarks;

import java.util.concurrent.TimeUnit;

import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.ai.anomaly.StreamingDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Points per second one streaming detector scores on one core; the goal for the default detector is at least
 * 1,000,000. One operation is one point: an invocation scores {@link #POINTS} points of a synthetic metric (daily
 * cycle, noise, spikes, level shifts) and the detector keeps its state across invocations, as it does in the monitor.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DetectorBenchmark {

    /** Points per invocation. */
    static final int POINTS = 100_000;

    /** The detector's name in {@link Detectors}. */
    @Param({"composite", "composite-quiet", "ewma-z"})
    public String detector;

    private StreamingDetector scorer;
    private double[] values;
    private long time;

    /** A fresh detector and the series. */
    @Setup
    public void setUp() {
        scorer = Detectors.create(detector);
        values = MetricSeries.values(POINTS, 42);
        time = 1_700_000_000L;
    }

    /** Scores the series once more, continuing in time. */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double score() {
        double sum = 0;
        for (double value : values) {
            time += MetricSeries.STEP;
            sum += scorer.score(time, value);
        }
        return sum;
    }
}
