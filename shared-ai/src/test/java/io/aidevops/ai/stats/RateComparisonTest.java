package io.aidevops.ai.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateComparisonTest {

    @Test
    void zeroBaselineAgainstTenErrorsIsHighlySignificant() {
        // Equal exposure: under equal rates each of the 10 errors is canary's with probability 1/2, so p = 2^-10.
        RateComparison rates = RateComparison.of(0, 1000, 10, 1000);
        assertThat(rates.pHigher()).isCloseTo(Math.pow(0.5, 10), within(1e-12));
        assertThat(rates.difference()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void unequalExposureShiftsTheNull() {
        // Canary has a quarter of the traffic; 3 of 4 errors on it: p = P(X >= 3), X ~ Bin(4, 0.25) = 13/256.
        RateComparison rates = RateComparison.of(1, 3000, 3, 1000);
        assertThat(rates.pHigher()).isCloseTo(13.0 / 256, within(1e-12));
        assertThat(rates.pLower()).isCloseTo(1 - Math.pow(0.25, 4), within(1e-12));
    }

    @Test
    void noEventsAtAllIsNoEvidence() {
        RateComparison rates = RateComparison.of(0, 100, 0, 100);
        assertThat(rates.pHigher()).isEqualTo(1);
        assertThat(rates.pLower()).isEqualTo(1);
        assertThat(rates.standardError()).isPositive();
    }

    @Test
    void hugeCountsUseTheNormalLimitInsteadOfOverflowing() {
        RateComparison equal = RateComparison.of(3e9 * 0.001, 3e9, 3e9 * 0.001, 3e9);
        RateComparison higher = RateComparison.of(3e9 * 0.001, 3e9, 3e9 * 0.0011, 3e9);
        assertThat(equal.pHigher()).isBetween(0.4, 0.6);
        assertThat(higher.pHigher()).isLessThan(1e-12);
        assertThat(higher.pLower()).isGreaterThan(0.999);
    }

    @Test
    void rejectsMissingExposure() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateComparison.of(0, 0, 1, 10))
                .withMessageContaining("positive exposure");
    }
}
