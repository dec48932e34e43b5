package io.aidevops.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecastEvaluationTest {

    @Test
    void smapeIsSymmetricAndBounded() {
        assertThat(ForecastEvaluation.smape(0, 0)).isZero();
        assertThat(ForecastEvaluation.smape(1, 0)).isEqualTo(2);
        assertThat(ForecastEvaluation.smape(110, 90)).isEqualTo(ForecastEvaluation.smape(90, 110));
        assertThat(ForecastEvaluation.smape(110, 90)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void ourForecasterBeatsTheBaselinesOnATrendingDailyCycle() {
        var noise = new Random(11);
        int n = 6 * 288;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_000_000L - 1_700_000_000L % 86_400 + 300L * i;
            values[i] = 200 + 0.02 * i + 40 * Math.sin(2 * Math.PI * i / 288) + 2 * noise.nextGaussian();
        }
        SeriesEvaluation series = ForecastEvaluation.series("synthetic", times, values);

        assertThat(series.trainRows()).isEqualTo(Math.round(n * 0.85));
        assertThat(series.season()).isEqualTo("daily");
        assertThat(series.ours().oneStep()).isLessThan(series.lastValue().oneStep());
        assertThat(series.ours().hour()).isLessThan(series.lastValue().hour());
        assertThat(series.ours().tail()).isLessThan(series.seasonalNaive().tail());
        assertThat(series.ours().coverage80()).isBetween(0.7, 0.95);

        ForecastReport report = ForecastEvaluation.report(List.of(series, series));
        assertThat(report.ours().tail()).isEqualTo(series.ours().tail());
        assertThat(report.winsOverSeasonalNaive().tail()).isEqualTo(2);
        assertThat(ForecastEvaluation.text(report)).contains("synthetic", "MEAN OVER SERIES");
    }

    @Test
    void badInputIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ForecastEvaluation.series("x", new long[3],
                new double[4]));
        assertThatIllegalArgumentException().isThrownBy(() -> ForecastEvaluation.series("x", new long[5],
                new double[5])).withMessageContaining("needs 20");
    }
}
