package io.aidevops.ai.canary.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.Look;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.SeriesSummary;
import io.aidevops.ai.stats.Normal;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    private static final GeneratorSettings QUIET = GeneratorSettings.DEFAULT.withNoise(NoiseModel.QUIET);

    @Test
    void theSameSeedSpecAndNumberGiveTheSameRolloutInAnyOrder() {
        var spec = new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 1.25, 2, 2);
        var first = new ScenarioGenerator(GeneratorSettings.DEFAULT, 42);
        var second = new ScenarioGenerator(GeneratorSettings.DEFAULT, 42);
        second.generate(ScenarioSpec.aa(3, 1), 7);
        assertThat(second.generate(spec, 3)).isEqualTo(first.generate(spec, 3));
        assertThat(new ScenarioGenerator(GeneratorSettings.DEFAULT, 43).generate(spec, 3))
                .isNotEqualTo(first.generate(spec, 3));
        assertThat(first.generate(spec, 4)).isNotEqualTo(first.generate(spec, 3));
    }

    @Test
    void aRolloutHasTheSixMetricsPodsAndLooksAndEachLookAddsItsPoints() {
        Scenario scenario = new ScenarioGenerator(GeneratorSettings.DEFAULT, 1).generate(ScenarioSpec.aa(3, 1), 0);
        assertThat(scenario.metrics()).extracting(s -> s.spec().name()).containsExactly("latency_p99",
                "latency_mean", "error_rate", "cpu", "memory", "throughput");
        assertThat(scenario.metrics()).extracting(s -> s.spec().kind()).containsExactly(MetricKind.LATENCY,
                MetricKind.LATENCY, MetricKind.ERROR_RATE, MetricKind.RESOURCE, MetricKind.RESOURCE,
                MetricKind.THROUGHPUT);
        for (MetricSeries series : scenario.metrics()) {
            assertThat(series.baseline()).hasNumberOfRows(3);
            assertThat(series.canary()).hasNumberOfRows(1);
            assertThat(series.points()).isEqualTo(30);
        }
        JudgeRequest second = scenario.request(2);
        assertThat(second.look()).isEqualTo(new Look(2, 5));
        assertThat(second.metrics().get(0).samples().baseline()).hasSize(3 * 12);
        assertThat(second.metrics().get(0).samples().canary()).hasSize(12);
        assertThat(second.metrics().get(2).samples().weighted()).isTrue();
        assertThat(scenario.endOnlyRequest().look()).isEqualTo(Look.ONLY);
        assertThat(scenario.endOnlyRequest().metrics().get(0).samples().canary()).hasSize(30);
    }

    @Test
    void labelsFollowTheTolerances() {
        assertThat(ScenarioSpec.aa(2, 2).category()).isEqualTo(EffectCategory.NO_EFFECT);
        assertThat(spec(ScenarioFamily.LATENCY_SHIFT, 1.05).category()).isEqualTo(EffectCategory.WITHIN_TOLERANCE);
        assertThat(spec(ScenarioFamily.LATENCY_SHIFT, 1.1).category()).isEqualTo(EffectCategory.AT_TOLERANCE);
        assertThat(spec(ScenarioFamily.LATENCY_SHIFT, 1.25).shouldFail()).isTrue();
        assertThat(spec(ScenarioFamily.LATENCY_TAIL, 1.1).shouldFail()).isFalse();
        assertThat(spec(ScenarioFamily.ERROR_FROM_ZERO, 0.001).category())
                .isEqualTo(EffectCategory.WITHIN_TOLERANCE);
        assertThat(spec(ScenarioFamily.ERROR_FROM_ZERO, 0.005).category()).isEqualTo(EffectCategory.AT_TOLERANCE);
        assertThat(spec(ScenarioFamily.ERROR_FROM_BASE, 0.01).shouldFail()).isTrue();
        assertThat(spec(ScenarioFamily.VARIANCE, 1.5).category()).isEqualTo(EffectCategory.AT_TOLERANCE);
        assertThat(spec(ScenarioFamily.VARIANCE, 2).shouldFail()).isTrue();
        // A leak is labelled by what the final window shows: half the growth.
        assertThat(spec(ScenarioFamily.MEMORY_LEAK, 0.1).effect()).isEqualTo(1.05);
        assertThat(spec(ScenarioFamily.MEMORY_LEAK, 0.1).shouldFail()).isFalse();
        assertThat(spec(ScenarioFamily.MEMORY_LEAK, 0.3).shouldFail()).isTrue();
        assertThat(spec(ScenarioFamily.LATE_ONSET, 1.5).shouldFail()).isTrue();
        assertThat(spec(ScenarioFamily.BAD_POD, 1.5).shouldFail()).isTrue();
        assertThat(spec(ScenarioFamily.ERROR_FROM_ZERO, 0.01).sizeLabel()).isEqualTo("+1pp");
        assertThat(spec(ScenarioFamily.MEMORY_LEAK, 0.3).sizeLabel()).isEqualTo("growth +30%");
        assertThat(spec(ScenarioFamily.LATENCY_SHIFT, 1.25).key()).isEqualTo("LATENCY_SHIFT x1.25 2/2");
        assertThatThrownBy(() -> new ScenarioSpec(ScenarioFamily.BAD_POD, 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLatencyShiftMovesTheCanaryMedianByItsFactor() {
        var generator = new ScenarioGenerator(QUIET, 3);
        for (double factor : new double[] {1.5, 1.25}) {
            double ratio = medianRatio(generator, spec(ScenarioFamily.LATENCY_SHIFT, factor), 1, 40);
            assertThat(ratio).as("x" + factor).isCloseTo(factor, within(0.03 * factor));
        }
        assertThat(medianRatio(generator, ScenarioSpec.aa(2, 2), 1, 40)).isCloseTo(1, within(0.03));
    }

    @Test
    void aTailChangeRaisesTheP99ButNotTheMedian() {
        var generator = new ScenarioGenerator(QUIET, 4);
        var tail = spec(ScenarioFamily.LATENCY_TAIL, 2);
        assertThat(medianRatio(generator, tail, 0, 40)).as("per-interval p99").isGreaterThan(1.3);
        assertThat(medianRatio(generator, tail, 1, 40)).as("per-interval mean").isLessThan(1.15);
        // The slow share is sized so that the request-level p99 grows by exactly the asked ratio.
        for (double sigma : new double[] {0.25, 0.4, 0.6}) {
            for (double ratio : new double[] {1.05, 1.25, 2}) {
                double factor = ScenarioGenerator.tailFactor(ratio, sigma);
                double u = Math.log(ratio) + Normal.quantile(0.99) * sigma;
                double below = (1 - ScenarioGenerator.TAIL_SHARE) * Normal.cdf(u / sigma)
                        + ScenarioGenerator.TAIL_SHARE * Normal.cdf((u - Math.log(factor)) / sigma);
                assertThat(below).isCloseTo(0.99, within(1e-9));
                // ... and hardly moves the median.
                double median = 0.5 / (1 - ScenarioGenerator.TAIL_SHARE);
                assertThat(Math.exp(sigma * Normal.quantile(median))).isLessThan(1.02);
            }
        }
    }

    @Test
    void errorsAreAddedToTheCanaryOnlyAndCountedOverRequests() {
        var generator = new ScenarioGenerator(QUIET, 5);
        double[] rates = errorRates(generator, spec(ScenarioFamily.ERROR_FROM_ZERO, 0.01), 40);
        assertThat(rates[0]).isZero();
        assertThat(rates[1]).isCloseTo(0.01, within(0.001));
        rates = errorRates(generator, spec(ScenarioFamily.ERROR_FROM_BASE, 0.05), 20);
        assertThat(rates[0]).isCloseTo(0.002, within(0.0005));
        assertThat(rates[1]).isCloseTo(0.052, within(0.003));
    }

    @Test
    void aVarianceChangeWidensTheCanaryWithTheSameMean() {
        var generator = new ScenarioGenerator(QUIET.withNoise(NoiseModel.QUIET.withTraffic(5, 5)), 6);
        double spread = 0;
        double mean = 0;
        int rollouts = 30;
        for (int i = 0; i < rollouts; i++) {
            MetricSeries cpu = generator.generate(spec(ScenarioFamily.VARIANCE, 2), i).metrics().get(3);
            spread += sd(cpu.canary()) / sd(cpu.baseline()) / rollouts;
            mean += mean(cpu.canary()) / mean(cpu.baseline()) / rollouts;
        }
        assertThat(spread).isCloseTo(2, within(0.2));
        assertThat(mean).isCloseTo(1, within(0.03));
    }

    @Test
    void aLateOnsetStartsAtLookThreeAndABadPodIsOnePod() {
        var generator = new ScenarioGenerator(QUIET, 7);
        double early = 0;
        double late = 0;
        double bad = 0;
        double healthy = 0;
        int rollouts = 30;
        for (int i = 0; i < rollouts; i++) {
            MetricSeries onset = generator.generate(spec(ScenarioFamily.LATE_ONSET, 2), i).metrics().get(1);
            early += median(Arrays.copyOfRange(onset.canary()[0], 0, 12))
                    / median(Arrays.copyOfRange(onset.baseline()[0], 0, 12)) / rollouts;
            late += median(Arrays.copyOfRange(onset.canary()[0], 12, 30))
                    / median(Arrays.copyOfRange(onset.baseline()[0], 12, 30)) / rollouts;
            MetricSeries pods = generator.generate(spec(ScenarioFamily.BAD_POD, 2), i).metrics().get(1);
            bad += median(pods.canary()[0]) / median(pods.baseline()[0]) / rollouts;
            healthy += median(pods.canary()[1]) / median(pods.baseline()[1]) / rollouts;
        }
        assertThat(early).isCloseTo(1, within(0.05));
        assertThat(late).isCloseTo(2, within(0.1));
        assertThat(bad).isCloseTo(2, within(0.1));
        assertThat(healthy).isCloseTo(1, within(0.05));
    }

    @Test
    void aLeakGrowsTheCanaryMemoryLinearly() {
        var generator = new ScenarioGenerator(QUIET, 8);
        MetricSeries memory = generator.generate(spec(ScenarioFamily.MEMORY_LEAK, 0.6), 0).metrics().get(4);
        double[] canary = memory.canary()[0];
        double[] baseline = memory.baseline()[0];
        assertThat(canary[0] / baseline[0]).isCloseTo(1.01, within(0.02));
        assertThat(canary[29] / baseline[29]).isCloseTo(1.59, within(0.03));
        assertThat(median(canary) / median(baseline)).isCloseTo(spec(ScenarioFamily.MEMORY_LEAK, 0.6).effect(),
                within(0.03));
    }

    @Test
    void freshCanaryPodsWarmUp() {
        // Only the warm-up: a canary's first minute is slower, then it matches the baseline.
        var settings = QUIET.withNoise(NoiseModel.QUIET.withWarmupBoost(0.3));
        var generator = new ScenarioGenerator(settings, 9);
        double first = 0;
        double later = 0;
        int rollouts = 40;
        for (int i = 0; i < rollouts; i++) {
            MetricSeries mean = generator.generate(ScenarioSpec.aa(2, 2), i).metrics().get(1);
            first += mean.canary()[0][0] / mean.baseline()[0][0] / rollouts;
            later += median(Arrays.copyOfRange(mean.canary()[0], 12, 30))
                    / median(Arrays.copyOfRange(mean.baseline()[0], 12, 30)) / rollouts;
        }
        assertThat(first).isCloseTo(1 + 0.3 * Math.exp(-5.0 / 20), within(0.04));
        assertThat(later).isCloseTo(1, within(0.03));
    }

    @Test
    void realisticNoiseHasMissingScrapesPodOffsetsAutocorrelationAndSharedLoad() {
        var generator = new ScenarioGenerator(GeneratorSettings.DEFAULT, 10);
        int missing = 0;
        int points = 0;
        double lagCorrelation = 0;
        double sharedLoad = 0;
        double largestOffset = 0;
        int rollouts = 60;
        for (int i = 0; i < rollouts; i++) {
            Scenario scenario = generator.generate(ScenarioSpec.aa(2, 2), i);
            MetricSeries memory = scenario.metrics().get(4);
            for (double[] pod : memory.baseline()) {
                missing += (int) Arrays.stream(pod).filter(Double::isNaN).count();
                points += pod.length;
            }
            // Missing scrapes are missing for every metric, with no requests behind the error share.
            MetricSeries errors = scenario.metrics().get(2);
            for (int t = 0; t < 30; t++) {
                if (Double.isNaN(memory.baseline()[0][t])) {
                    assertThat(errors.baseline()[0][t]).isNaN();
                    assertThat(errors.baselineWeights()[0][t]).isZero();
                }
            }
            lagCorrelation += lagOneCorrelation(memory.baseline()[0]) / rollouts;
            MetricSeries throughput = scenario.metrics().get(5);
            sharedLoad += correlation(throughput.baseline()[0], throughput.canary()[0]) / rollouts;
            largestOffset = Math.max(largestOffset, Math.abs(Math.log(median(memory.baseline()[0])
                    / median(memory.baseline()[1]))));
        }
        assertThat((double) missing / points).isCloseTo(0.02, within(0.01));
        assertThat(lagCorrelation).as("AR(1) memory noise").isGreaterThan(0.3);
        assertThat(sharedLoad).as("both sides see the same load").isGreaterThan(0.05);
        assertThat(largestOffset).as("pods differ by up to +-5 %").isBetween(0.03, 0.12);
    }

    private static ScenarioSpec spec(ScenarioFamily family, double size) {
        return new ScenarioSpec(family, size, 2, 2);
    }

    /** Mean over rollouts of the canary's median over the baseline's, for metric {@code metric}. */
    private static double medianRatio(ScenarioGenerator generator, ScenarioSpec spec, int metric, int rollouts) {
        double sum = 0;
        for (int i = 0; i < rollouts; i++) {
            MetricSeries series = generator.generate(spec, i).metrics().get(metric);
            sum += median(flatten(series.canary())) / median(flatten(series.baseline()));
        }
        return sum / rollouts;
    }

    /** Errors over requests of baseline and canary, pooled over rollouts. */
    private static double[] errorRates(ScenarioGenerator generator, ScenarioSpec spec, int rollouts) {
        double[] errors = new double[2];
        double[] requests = new double[2];
        for (int i = 0; i < rollouts; i++) {
            MetricSeries series = generator.generate(spec, i).metrics().get(2);
            double[][][] values = {series.baseline(), series.canary()};
            double[][][] weights = {series.baselineWeights(), series.canaryWeights()};
            for (int side = 0; side < 2; side++) {
                for (int pod = 0; pod < values[side].length; pod++) {
                    for (int t = 0; t < values[side][pod].length; t++) {
                        if (!Double.isNaN(values[side][pod][t])) {
                            errors[side] += values[side][pod][t] * weights[side][pod][t];
                            requests[side] += weights[side][pod][t];
                        }
                    }
                }
            }
        }
        return new double[] {errors[0] / requests[0], errors[1] / requests[1]};
    }

    private static double[] flatten(double[][] pods) {
        return Arrays.stream(pods).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double median(double[] values) {
        return SeriesSummary.of(values).median();
    }

    private static double mean(double[][] pods) {
        return SeriesSummary.of(flatten(pods)).mean();
    }

    private static double sd(double[][] pods) {
        return SeriesSummary.of(flatten(pods)).std();
    }

    private static double lagOneCorrelation(double[] series) {
        double[] now = Arrays.copyOfRange(series, 1, series.length);
        double[] before = Arrays.copyOfRange(series, 0, series.length - 1);
        return correlation(now, before);
    }

    private static double correlation(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }
}
