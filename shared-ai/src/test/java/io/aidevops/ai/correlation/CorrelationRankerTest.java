package io.aidevops.ai.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CorrelationRankerTest {

    private static final int WINDOW = 120;

    /** A random walk: each step's change is independent, like a real metric's wiggles. */
    private static double[] walk(Random random, int length) {
        double[] series = new double[length];
        double value = 100;
        for (int i = 0; i < length; i++) {
            value += random.nextGaussian();
            series[i] = value;
        }
        return series;
    }

    /** The window of {@code source} starting {@code from}, scaled and shifted, with noise. */
    private static double[] window(double[] source, int from, double scale, double offset, Random noise,
            double sd) {
        double[] out = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            out[i] = offset + scale * source[from + i] + sd * noise.nextGaussian();
        }
        return out;
    }

    @Test
    void findsALeadingAndAnInvertedLaggingCopyWithTheirLags() {
        var random = new Random(21);
        double[] driver = walk(random, WINDOW + 40);
        double[] anomalous = window(driver, 20, 1, 0, random, 0.2);
        Map<String, double[]> others = new LinkedHashMap<>();
        // cpu moves 3 steps before the anomalous series: its value at t is the driver's at t + 3.
        others.put("cpu", window(driver, 23, 2, 50, random, 0.3));
        // free memory falls 2 steps after the anomalous series rises.
        others.put("free-memory", window(driver, 18, -5, 2000, random, 1));
        for (int k = 0; k < 20; k++) {
            others.put("noise-" + k, walk(random, WINDOW));
        }

        List<Correlation> related = CorrelationRanker.rank(anomalous, others);

        assertThat(related).extracting(Correlation::name).containsExactly("cpu", "free-memory");
        Correlation cpu = related.get(0);
        assertThat(cpu.lag()).isEqualTo(3);
        assertThat(cpu.leader()).isEqualTo(Leader.OTHER);
        assertThat(cpu.correlation()).isGreaterThan(0.9);
        assertThat(cpu.spearman()).isGreaterThan(0.8);
        assertThat(cpu.points()).isEqualTo(WINDOW - 1 - 3);
        assertThat(cpu.pValue()).isLessThan(1e-6);
        assertThat(cpu.sentence()).startsWith("cpu rises with it, 3 steps earlier (r 0.9");
        Correlation memory = related.get(1);
        assertThat(memory.lag()).isEqualTo(-2);
        assertThat(memory.leader()).isEqualTo(Leader.ANOMALOUS);
        assertThat(memory.correlation()).isLessThan(-0.8);
        assertThat(memory.sentence()).contains("falls as it rises, 2 steps later");
    }

    @Test
    void independentNoiseIsNotReported() {
        var random = new Random(22);
        int reported = 0;
        for (int trial = 0; trial < 20; trial++) {
            double[] anomalous = walk(random, WINDOW);
            Map<String, double[]> others = new LinkedHashMap<>();
            for (int k = 0; k < 30; k++) {
                others.put("noise-" + k, walk(random, WINDOW));
            }
            reported += CorrelationRanker.rank(anomalous, others).size();
        }
        // 20 searches of 30 series at 21 lags each; the family-wise rate is 1 % per search.
        assertThat(reported).isZero();
    }

    @Test
    void sharedTrendsAloneAreNotRelated() {
        var random = new Random(23);
        double[] anomalous = new double[WINDOW];
        double[] other = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            anomalous[i] = i + random.nextGaussian();
            other[i] = 3 * i + random.nextGaussian();
        }
        assertThat(CorrelationRanker.rank(anomalous, Map.of("also-growing", other))).isEmpty();
    }

    @Test
    void constantSeriesAreLeftOutAndAConstantAnomalousSeriesFindsNothing() {
        var random = new Random(24);
        double[] anomalous = walk(random, WINDOW);
        double[] flat = new double[WINDOW];
        java.util.Arrays.fill(flat, 7);
        Map<String, double[]> others = new LinkedHashMap<>();
        others.put("flat", flat);
        others.put("copy", anomalous.clone());

        assertThat(CorrelationRanker.rank(anomalous, others)).extracting(Correlation::name).containsExactly("copy");
        assertThat(CorrelationRanker.rank(flat, Map.of("walk", anomalous))).isEmpty();
        assertThat(CorrelationRanker.rank(anomalous, Map.of())).isEmpty();
    }

    @Test
    void gapsAreSkippedAndTooLittleOverlapIsNotJudged() {
        var random = new Random(25);
        double[] anomalous = walk(random, WINDOW);
        double[] gappy = anomalous.clone();
        for (int i = 10; i < 30; i++) {
            gappy[i] = Double.NaN;
        }
        double[] sparse = anomalous.clone();
        for (int i = 0; i < WINDOW; i++) {
            if (i % 5 != 0) {
                sparse[i] = Double.NaN;
            }
        }
        Map<String, double[]> others = new LinkedHashMap<>();
        others.put("gappy", gappy);
        others.put("sparse", sparse);

        List<Correlation> related = CorrelationRanker.rank(anomalous, others);

        assertThat(related).extracting(Correlation::name).containsExactly("gappy");
        // 119 changes, 21 of them touch the 20 missing points.
        assertThat(related.get(0).points()).isEqualTo(WINDOW - 1 - 21);
        assertThat(related.get(0).lag()).isZero();
        assertThat(related.get(0).leader()).isEqualTo(Leader.NEITHER);
        assertThat(related.get(0).sentence()).contains("in the same step");
    }

    @Test
    void misalignedSeriesAndBadSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CorrelationRanker.rank(new double[10],
                Map.of("short", new double[9]))).withMessageContaining("'short' has 9 samples");
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationSettings(-1, 30, 0.01, 0.3));
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationSettings(5, 30, 0, 0.3));
    }

    @Test
    void spearmanHandlesTies() {
        double[] x = {1, 2, 2, 3};
        double[] y = {10, 20, 20, 30};
        assertThat(CorrelationRanker.spearman(x, y, 4)).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
