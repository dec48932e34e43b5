package io.aidevops.ai.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RankSumTest {

    @Test
    void countsPairsAndHalfTiesLikeTheDefinition() {
        double[] x = {1, 2, 2, 5, 7};
        double[] y = {0, 2, 3, 3, 9, 9};
        RankSum ranks = RankSum.of(x, y);
        assertThat(ranks.u()).isEqualTo(bruteForceU(x, y));
    }

    @Test
    void matchesTheTextbookVarianceWithTies() {
        // By hand: U = 1 + 1.5 + 1.5 + 4 + 4 = 12; ties 2 (x3), 3 (x2), 9 (x2) give sum(t^3 - t) = 36, so
        // var = 5*6/12 * (12 - 36/110) = 29.1818; z = (12 - 15 + 0.5) / 5.4020 = -0.4628; two-sided p = 0.6435.
        double[] x = {1, 2, 2, 5, 7};
        double[] y = {0, 2, 3, 3, 9, 9};
        RankSum ranks = RankSum.of(x, y);
        assertThat(ranks.u()).isEqualTo(12);
        assertThat(ranks.sigma()).isCloseTo(5.4020, within(1e-4));
        double twoSided = 2 * Normal.upperTail(Math.abs(ranks.z()));
        assertThat(twoSided).isCloseTo(0.6435, within(1e-4));
    }

    @Test
    void agreesWithBruteForceOnRandomTiedData() {
        var random = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            double[] x = random.ints(1 + random.nextInt(40), 0, 10).asDoubleStream().sorted().toArray();
            double[] y = random.ints(1 + random.nextInt(40), 0, 10).asDoubleStream().sorted().toArray();
            assertThat(RankSum.of(x, y).u()).isEqualTo(bruteForceU(x, y));
        }
    }

    @Test
    void allValuesEqualHaveNoVarianceAndZeroZ() {
        RankSum ranks = RankSum.of(new double[] {0, 0, 0}, new double[] {0, 0});
        assertThat(ranks.sigma()).isZero();
        assertThat(ranks.z()).isZero();
    }

    @Test
    void aZeroBaselineAgainstSparseErrorsIsSignificant() {
        double[] baseline = new double[50];
        double[] canary = new double[50];
        for (int i = 0; i < 10; i++) {
            canary[i] = 0.01 + i * 0.001;
        }
        Arrays.sort(canary);
        RankSum ranks = RankSum.of(canary, baseline);
        assertThat(Normal.upperTail(ranks.z())).isLessThan(0.001);
    }

    private static double bruteForceU(double[] x, double[] y) {
        double u = 0;
        for (double a : x) {
            for (double b : y) {
                u += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return u;
    }
}
