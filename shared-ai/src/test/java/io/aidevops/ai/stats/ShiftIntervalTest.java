package io.aidevops.ai.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ShiftIntervalTest {

    @Test
    void kthDifferenceMatchesSortingAllDifferences() {
        var random = new SplittableRandom(11);
        for (int round = 0; round < 30; round++) {
            double[] x = random.doubles(1 + random.nextInt(30), 0, 5).sorted().toArray();
            double[] y = random.doubles(1 + random.nextInt(30), 0, 5).sorted().toArray();
            double[] all = allDifferences(x, y);
            for (int k = 1; k <= all.length; k += Math.max(1, all.length / 7)) {
                assertThat(ShiftInterval.kth(x, y, k)).as("k=%d", k).isCloseTo(all[k - 1], within(1e-9));
            }
        }
    }

    @Test
    void kthDifferenceHandlesHeavyTies() {
        double[] x = {1, 1, 1, 2, 2};
        double[] y = {1, 1, 2};
        double[] all = allDifferences(x, y);
        for (int k = 1; k <= all.length; k++) {
            assertThat(ShiftInterval.kth(x, y, k)).isCloseTo(all[k - 1], within(1e-9));
        }
    }

    @Test
    void estimateIsTheHodgesLehmannMedianAndTheIntervalCoversIt() {
        // R: wilcox.test(x, y, conf.int=TRUE) gives the median of the 20 differences as its estimate here.
        double[] x = {1.83, 2.2, 3.1, 3.9, 4.4};
        double[] y = {0.5, 1.1, 1.6, 2.0};
        RankSum ranks = RankSum.of(x, y);
        ShiftInterval shift = ShiftInterval.of(x, y, ranks.sigma(), 0.95);
        double[] all = allDifferences(x, y);
        assertThat(shift.estimate()).isCloseTo((all[9] + all[10]) / 2, within(1e-9));
        assertThat(shift.lower()).isLessThanOrEqualTo(shift.estimate());
        assertThat(shift.upper()).isGreaterThanOrEqualTo(shift.estimate());
    }

    @Test
    void intervalCoversTheTrueShiftAtAboutItsConfidence() {
        var random = new SplittableRandom(3);
        int covered = 0;
        int rounds = 400;
        for (int round = 0; round < rounds; round++) {
            double[] x = random.doubles(40).map(v -> v + 0.3).sorted().toArray();
            double[] y = random.doubles(40).sorted().toArray();
            ShiftInterval shift = ShiftInterval.of(x, y, RankSum.of(x, y).sigma(), 0.9);
            if (shift.lower() <= 0.3 && 0.3 <= shift.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) rounds).isBetween(0.85, 0.95);
    }

    private static double[] allDifferences(double[] x, double[] y) {
        double[] all = new double[x.length * y.length];
        int i = 0;
        for (double a : x) {
            for (double b : y) {
                all[i++] = a - b;
            }
        }
        Arrays.sort(all);
        return all;
    }
}
