package io.aidevops.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HoltWintersForecasterTest {

    private static final long START = 1_700_000_000L - 1_700_000_000L % 86_400;
    private static final long FIVE_MINUTES = 300;

    /** A daily cycle of amplitude 20 around 100 at 5-minute sampling, with noise of sd 1. */
    private static double daily(int i, Random noise) {
        return 100 + 20 * Math.sin(2 * Math.PI * i / 288.0) + noise.nextGaussian();
    }

    @Test
    void learnsADailyCycleAndForecastsItADayAhead() {
        var forecaster = new HoltWintersForecaster();
        var noise = new Random(1);
        int days = 5;
        for (int i = 0; i < days * 288; i++) {
            forecaster.observe(START + i * FIVE_MINUTES, daily(i, noise));
        }

        assertThat(forecaster.model().season()).isEqualTo("daily");
        assertThat(forecaster.model().seasonLength()).isEqualTo(288);
        assertThat(forecaster.stepSeconds()).isEqualTo(FIVE_MINUTES);
        Forecast forecast = forecaster.forecast(288);
        double error = 0;
        for (ForecastPoint point : forecast.points()) {
            int i = days * 288 + point.step() - 1;
            error += Math.abs(point.value() - (100 + 20 * Math.sin(2 * Math.PI * i / 288.0)));
        }
        assertThat(error / 288).as("mean absolute error over the next day").isLessThan(2.0);
        assertThat(forecast.points().get(0).epochSeconds()).isEqualTo(START + days * 288 * FIVE_MINUTES);
    }

    @Test
    void intervalsNestAndWidenWithTheHorizon() {
        var forecaster = new HoltWintersForecaster();
        var noise = new Random(2);
        for (int i = 0; i < 3 * 288; i++) {
            forecaster.observe(START + i * FIVE_MINUTES, daily(i, noise));
        }
        List<ForecastPoint> points = forecaster.forecast(100).points();
        for (ForecastPoint p : points) {
            assertThat(p.lower95()).isLessThanOrEqualTo(p.lower80());
            assertThat(p.lower80()).isLessThanOrEqualTo(p.value());
            assertThat(p.value()).isLessThanOrEqualTo(p.upper80());
            assertThat(p.upper80()).isLessThanOrEqualTo(p.upper95());
        }
        double first = points.get(0).upper80() - points.get(0).lower80();
        double last = points.get(99).upper80() - points.get(99).lower80();
        assertThat(last).isGreaterThan(first);
        // The noise has sd 1: the one-step 80 % interval is about +-1.28 wide.
        assertThat(first).isBetween(1.5, 5.0);
    }

    @Test
    void shortOrIrregularSeriesGetNoSeason() {
        var shortSeries = new HoltWintersForecaster();
        var noise = new Random(3);
        for (int i = 0; i < 300; i++) {
            shortSeries.observe(START + i * FIVE_MINUTES, daily(i, noise));
        }
        assertThat(shortSeries.model().season()).isEqualTo("none");

        var irregular = new HoltWintersForecaster();
        long time = START;
        for (int i = 0; i < 5 * 288; i++) {
            time += 240 + noise.nextInt(121);
            irregular.observe(time, daily(i, noise));
        }
        assertThat(irregular.model().season()).isEqualTo("none");
    }

    @Test
    void aGivenSeasonIsUsedAndNoneMeansNone() {
        var noise = new Random(4);
        var given = new HoltWintersForecaster(ForecasterSettings.defaults().withSeasonLength(288));
        var none = new HoltWintersForecaster(ForecasterSettings.defaults().withSeasonLength(ForecasterSettings.NONE));
        for (int i = 0; i < 3 * 288; i++) {
            double value = daily(i, noise);
            given.observe(START + i * FIVE_MINUTES, value);
            none.observe(START + i * FIVE_MINUTES, value);
        }
        assertThat(given.model().seasonLength()).isEqualTo(288);
        assertThat(none.model().seasonLength()).isZero();
    }

    @Test
    void settlesAfterTheWarmUpAndKeepsForecasting() {
        var forecaster = new HoltWintersForecaster(new ForecasterSettings(ForecasterSettings.AUTO, 600, null));
        var noise = new Random(5);
        for (int i = 0; i < 599; i++) {
            forecaster.observe(START + i * FIVE_MINUTES, daily(i, noise));
        }
        assertThat(forecaster.model().warmingUp()).isTrue();
        for (int i = 599; i < 2000; i++) {
            forecaster.observe(START + i * FIVE_MINUTES, daily(i, noise));
        }
        assertThat(forecaster.model().warmingUp()).isFalse();
        assertThat(forecaster.model().observed()).isEqualTo(2000);
        assertThat(forecaster.forecast(1).points().get(0).value()).isCloseTo(daily(2000, new Random(6)),
                org.assertj.core.api.Assertions.within(4.0));
    }

    @Test
    void skipsNonFiniteValuesAndStepsOverGaps() {
        var forecaster = new HoltWintersForecaster();
        forecaster.observe(START, 1);
        forecaster.observe(START + 60, Double.NaN);
        forecaster.observe(START + 60, 2);
        forecaster.observe(START + 120, 3);
        forecaster.observe(START + 600, 10);
        assertThat(forecaster.observed()).isEqualTo(4);
        assertThat(forecaster.stepSeconds()).isEqualTo(60);
        assertThat(forecaster.forecast(2).points().get(1).epochSeconds()).isEqualTo(START + 720);
    }

    @Test
    void anEmptyOrSinglePointForecasterIsHarmless() {
        var forecaster = new HoltWintersForecaster();
        assertThat(forecaster.forecast(3).points()).isEmpty();
        assertThat(forecaster.timeToBreach(10, Direction.ABOVE, Duration.ofHours(1))).isEmpty();
        forecaster.observe(START, 5);
        assertThat(forecaster.forecast(3).values()).containsExactly(5, 5, 5);
        assertThatIllegalArgumentException().isThrownBy(() -> forecaster.forecast(0));
    }

    @Test
    void aConstantSeriesForecastsItself() {
        var forecaster = new HoltWintersForecaster();
        for (int i = 0; i < 500; i++) {
            forecaster.observe(START + i * FIVE_MINUTES, 42);
        }
        for (ForecastPoint point : forecaster.forecast(50).points()) {
            assertThat(point.value()).isEqualTo(42.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(point.upper95()).isEqualTo(42.0, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ForecasterSettings(-2, 100, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ForecasterSettings(0, 5, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Smoothing(0, 0, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Smoothing(0.5, 0, 0, 1.1));
    }
}
