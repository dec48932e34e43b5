package io.aidevops.ai.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the rank-sum interval against values computed independently: a brute-force O(n m) evaluation of
 * {@code Z(mu)} from pairwise comparisons (no ranks), a search of the interval's ends over all pairwise differences,
 * and the numbers R's {@code wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE, conf.level = 0.98)}
 * returns. R is not at hand, so those come from R's algorithm ({@code wdiff} and {@code uniroot}'s zeroin) restated in
 * Python with scipy's ranking; that restatement reproduces published R output to about 1e-15.
 */
class RankSumIntervalTest {

    /** R's {@code qnorm(0.99)}. */
    private static final double Z_99 = 2.3263478740408408;

    /** The solver stops once the sign change is bracketed within 1e-4 (plus a few ulps). */
    private static final double SOLVER = 1e-4 + 1e-9;

    // R reference samples: x is the canary, y the baseline.
    private static final double[] A_X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    private static final double[] A_Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    private static final double[] B_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    private static final double[] B_Y = {1.15, 0.88, 0.90, 0.74, 1.21};
    private static final double[] C_X = {3, 5, 5, 6, 7, 7, 7, 9};
    private static final double[] C_Y = {1, 2, 2, 3, 4, 5, 5, 6, 6};
    private static final double[] D_X = {0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.2};
    private static final double[] D_Y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3};

    static Stream<Arguments> rReference() {
        // canary, baseline; R's conf.int; the pairwise differences where Z crosses the quantiles; R's Z(0) with
        // continuity correction and its two-sided p-value
        return Stream.of(
                Arguments.of(A_X, A_Y, -0.5599516952631837, 1.232960408303311, -0.56, 1.233, 1.502688234205555,
                        0.13291945818531892),
                Arguments.of(B_X, B_Y, -0.3199972132218302, 0.9899461820620337, -0.32, 0.99, 1.1635076278220096,
                        0.24462360512698333),
                Arguments.of(C_X, C_Y, -5.112847599389521e-05, 4.999983060756051, 0.0, 5.0, 2.2408072646027803,
                        0.025038562186147927),
                Arguments.of(D_X, D_Y, -3.431518732205931e-05, 5.8728050156335205e-06, 0.0, 0.0, 0.6687871594098077,
                        0.5036312588983317));
    }

    @ParameterizedTest
    @MethodSource("rReference")
    void shouldMatchRsIntervalAndStatistic(double[] canary, double[] baseline, double rLower, double rUpper,
            double lowerCrossing, double upperCrossing, double z, double pValue) {
        RankSumInterval.Result result = RankSumInterval.compute(canary, baseline, 0.98);

        // Same statistic, same solver, same start: R's very numbers, not just within the solver's tolerance.
        assertThat(result.lower()).isCloseTo(rLower, within(1e-12));
        assertThat(result.upper()).isCloseTo(rUpper, within(1e-12));
        assertThat(result.lower()).isCloseTo(lowerCrossing, within(SOLVER));
        assertThat(result.upper()).isCloseTo(upperCrossing, within(SOLVER));
        assertThat(result.z()).isCloseTo(z, within(1e-12));
        assertThat(result.pValue()).isCloseTo(pValue, within(1e-9));
    }

    @Test
    void shouldKeepTheContinuityCorrectionForTheEstimateUnlikeR() {
        // R drops the correction for its estimate (0.5600561608358734 for A, 0.3025083390415723 for B); Kayenta
        // keeps it, which moves the root to another point of the flat region. Values from the same restatement.
        assertThat(RankSumInterval.compute(A_X, A_Y, 0.98).estimate()).isCloseTo(0.5883830508139156, within(1e-12));
        assertThat(RankSumInterval.compute(B_X, B_Y, 0.98).estimate()).isCloseTo(0.3001486769494133, within(1e-12));
        assertThat(RankSumInterval.compute(C_X, C_Y, 0.98).estimate()).isCloseTo(2.000032206168018, within(1e-12));
        assertThat(RankSumInterval.compute(D_X, D_Y, 0.98).estimate()).isCloseTo(2.6881214052280203e-05,
                within(1e-15));
    }

    @Test
    void shouldMatchRsStatisticAwayFromZero() {
        // R's wdiff(d, zq = 0) at d = 0.5 and at d = mumin, where the pooled sample has ties.
        assertThat(RankSumInterval.z(A_X, A_Y, 0.5)).isCloseTo(0.2651802766245097, within(1e-12));
        assertThat(RankSumInterval.z(A_X, A_Y, 0.50 - 3.14)).isCloseTo(3.4933470569062273, within(1e-12));
        assertThat(RankSumInterval.z(B_X, B_Y, 0.5)).isCloseTo(-0.5511351921262151, within(1e-12));
        assertThat(RankSumInterval.z(C_X, C_Y, 0.5)).isCloseTo(1.8856545466513561, within(1e-12));
        assertThat(RankSumInterval.z(D_X, D_Y, 0.5)).isCloseTo(-2.9346883871536904, within(1e-12));
    }

    @Test
    void shouldPlaceTheEstimateInTheFlatRegionWhereZIsZero() {
        // With the continuity correction Z is 0 on a whole interval of shifts. Its ends (from the R restatement):
        // A [0.56, 0.59], B [0.30, 0.31]; C and D jump across 0 at 2 and 0.
        assertThat(RankSumInterval.compute(A_X, A_Y, 0.98).estimate()).isBetween(0.56, 0.59);
        assertThat(RankSumInterval.compute(B_X, B_Y, 0.98).estimate()).isBetween(0.30, 0.31);
        assertThat(RankSumInterval.compute(C_X, C_Y, 0.98).estimate()).isCloseTo(2.0, within(SOLVER));
        assertThat(RankSumInterval.compute(D_X, D_Y, 0.98).estimate()).isCloseTo(0.0, within(SOLVER));
    }

    static Stream<Arguments> randomSamples() {
        var random = new SplittableRandom(20_240_611);
        Stream.Builder<Arguments> samples = Stream.builder();
        int[][] sizes = {{5, 7}, {9, 9}, {12, 8}, {15, 15}, {20, 11}};
        for (int[] size : sizes) {
            samples.add(Arguments.of("continuous " + size[0] + "x" + size[1], normal(random, size[0], 10.6, 2),
                    normal(random, size[1], 10, 2)));
            samples.add(Arguments.of("tied " + size[0] + "x" + size[1], rounded(normal(random, size[0], 5, 2)),
                    rounded(normal(random, size[1], 4, 2))));
        }
        return samples.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomSamples")
    void shouldEvaluateZLikeBruteForce(String name, double[] canary, double[] baseline) {
        for (double mu : shiftsToProbe(canary, baseline)) {
            assertThat(RankSumInterval.z(canary, baseline, mu)).as("Z(%s)", mu)
                    .isCloseTo(bruteZ(canary, baseline, mu), within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomSamples")
    void shouldFindTheEndsWhereZCrossesTheQuantiles(String name, double[] canary, double[] baseline) {
        RankSumInterval.Result result = RankSumInterval.compute(canary, baseline, 0.98);

        assertThat(result.lower()).isCloseTo(bruteRoot(canary, baseline, Z_99), within(SOLVER));
        assertThat(result.upper()).isCloseTo(bruteRoot(canary, baseline, -Z_99), within(SOLVER));
        assertThat(result.lower()).isLessThanOrEqualTo(result.upper());
        // The estimate is a zero of Z: Z is non-increasing, so it is >= 0 just left of it and <= 0 just right.
        assertThat(bruteZ(canary, baseline, result.estimate() - SOLVER)).isGreaterThanOrEqualTo(0);
        assertThat(bruteZ(canary, baseline, result.estimate() + SOLVER)).isLessThanOrEqualTo(0);
        assertThat(result.z()).isCloseTo(bruteZ(canary, baseline, 0), within(1e-12));
    }

    @Test
    void shouldClampTheEndsWhenZNeverReachesTheQuantile() {
        // Two points per side: |Z| stays below 2.33 for every shift, so the interval is the whole search range.
        RankSumInterval.Result result = RankSumInterval.compute(new double[] {1, 2}, new double[] {3, 4}, 0.98);

        assertThat(result.lower()).isEqualTo(1 - 4);
        assertThat(result.upper()).isEqualTo(2 - 3);
    }

    @Test
    void shouldFailLikeKayentaWhenEveryValueIsTied() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RankSumInterval.compute(new double[] {1}, new double[] {1}, 0.98))
                .withMessage("cannot compute confidence interval when all observations are tied");
    }

    @Test
    void shouldTellNegativeFromPositiveZeroLikeKayentasRanking() {
        // NaturalRanking orders by Double.compare: -0.0 (canary) ranks 1, 0.0 (baseline) 2, no tie. W = 8 - 6 - 3.
        double z = RankSumInterval.z(new double[] {-0.0, 1, 2}, new double[] {0.0, 3}, 0);

        assertThat(z).isCloseTo((-1 + 0.5) / Math.sqrt(3), within(1e-15));
    }

    @Test
    void shouldNotDependOnTheOrderOfTheValues() {
        double[] shuffledX = {1.30, 3.06, 0.50, 1.55, 2.48, 1.83, 1.88, 1.62, 1.68};
        double[] shuffledY = {3.14, 1.06, 0.598, 1.29, 0.878, 2.05, 1.29, 0.647, 1.06};

        assertThat(RankSumInterval.compute(shuffledX, shuffledY, 0.98))
                .isEqualTo(RankSumInterval.compute(A_X, A_Y, 0.98));
    }

    /**
     * {@code Z(mu)} straight from its definition: the Mann-Whitney U of {@code x - mu} against {@code y} counted
     * pair by pair (ties count one half), centred, continuity-corrected, divided by the tie-corrected sigma.
     */
    private static double bruteZ(double[] x, double[] y, double mu) {
        double u = 0;
        Map<Double, Integer> groups = new HashMap<>();
        for (double xi : x) {
            double shifted = xi - mu;
            groups.merge(shifted, 1, Integer::sum);
            for (double yj : y) {
                if (shifted > yj) {
                    u += 1;
                } else if (shifted == yj) {
                    u += 0.5;
                }
            }
        }
        for (double yj : y) {
            groups.merge(yj, 1, Integer::sum);
        }
        double ties = 0;
        for (int t : groups.values()) {
            ties += (double) t * t * t - t;
        }
        double n = x.length + y.length;
        double w = u - x.length * (double) y.length / 2;
        double sigma = Math.sqrt(x.length * (double) y.length / 12 * ((n + 1) - ties / (n * (n - 1))));
        return (w - Math.signum(w) * 0.5) / sigma;
    }

    /**
     * Where {@code Z(mu) - quantile}, a non-increasing step function that only changes at pairwise differences
     * {@code x_i - y_j}, changes sign: the difference just left of which it is positive and just right of which it
     * is not; the search range's end if it does not change sign inside the range.
     */
    private static double bruteRoot(double[] x, double[] y, double quantile) {
        double[] d = walshDifferences(x, y);
        int last = d.length - 1;
        if (bruteZ(x, y, d[0]) - quantile <= 0) {
            return d[0];
        }
        if (bruteZ(x, y, d[last]) - quantile >= 0) {
            return d[last];
        }
        for (int k = 0; k <= last; k++) {
            double left = k == 0 ? d[0] - 1 : (d[k - 1] + d[k]) / 2;
            double right = k == last ? d[last] + 1 : (d[k] + d[k + 1]) / 2;
            if (bruteZ(x, y, left) - quantile > 0 && bruteZ(x, y, right) - quantile <= 0) {
                return d[k];
            }
        }
        throw new AssertionError("Z never crosses " + quantile);
    }

    private static double[] walshDifferences(double[] x, double[] y) {
        var differences = new TreeSet<Double>();
        for (double xi : x) {
            for (double yj : y) {
                differences.add(xi - yj);
            }
        }
        return differences.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every pairwise difference (where ties happen), the midpoints between them, and a few shifts outside. */
    private static double[] shiftsToProbe(double[] x, double[] y) {
        double[] d = walshDifferences(x, y);
        double[] probes = Arrays.copyOf(d, 2 * d.length + 1);
        for (int k = 0; k + 1 < d.length; k++) {
            probes[d.length + k] = (d[k] + d[k + 1]) / 2;
        }
        probes[2 * d.length - 1] = d[0] - 1;
        probes[2 * d.length] = d[d.length - 1] + 1;
        return probes;
    }

    private static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(Math::rint).toArray();
    }
}
