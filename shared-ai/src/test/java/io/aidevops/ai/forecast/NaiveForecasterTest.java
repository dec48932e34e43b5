package io.aidevops.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NaiveForecasterTest {

    @Test
    void lastValueRepeatsTheLastValue() {
        var naive = NaiveForecaster.lastValue();
        for (int i = 0; i < 10; i++) {
            naive.observe(i * 60L, i);
        }
        assertThat(naive.forecast(3).values()).containsExactly(9, 9, 9);
        assertThat(naive.stepSeconds()).isEqualTo(60);
        var points = naive.forecast(4).points();
        assertThat(points.get(3).upper80() - points.get(3).value())
                .isCloseTo(2 * (points.get(0).upper80() - points.get(0).value()), within(1e-9));
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        var naive = new NaiveForecaster(4);
        double[] cycle = {1, 5, 3, 7};
        for (int i = 0; i < 10; i++) {
            naive.observe(i * 60L, cycle[i % 4]);
        }
        // Ten points: the next is index 10, whose season value is cycle[2].
        assertThat(naive.forecast(6).values()).containsExactly(3, 7, 1, 5, 3, 7);
        assertThat(naive.model().method()).isEqualTo("seasonal-naive");
    }
}
