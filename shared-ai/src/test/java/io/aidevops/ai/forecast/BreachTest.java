package io.aidevops.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BreachTest {

    private static final long START = 1_800_000_000L;

    /** Memory growing 2 MiB per minute from 300 MiB, with noise of sd 1, one sample a minute for three hours. */
    private static HoltWintersForecaster leak() {
        var forecaster = new HoltWintersForecaster();
        var noise = new Random(7);
        for (int i = 0; i < 180; i++) {
            forecaster.observe(START + i * 60L, 300 + 2 * i + noise.nextGaussian());
        }
        return forecaster;
    }

    @Test
    void aLeakReachesTheLimitWhenTheTrendSays() {
        // Last value about 658 at minute 179; 720 is about 31 minutes further on a straight line.
        Breach breach = leak().timeToBreach(720, Direction.ABOVE, Duration.ofHours(3)).orElseThrow();

        assertThat(breach.expected()).isBetween(Duration.ofMinutes(25), Duration.ofMinutes(45));
        assertThat(breach.earliest()).isLessThanOrEqualTo(breach.expected());
        assertThat(breach.latest()).isGreaterThanOrEqualTo(breach.expected());
        assertThat(breach.describe("memory limit 720 MiB")).startsWith("memory limit 720 MiB reached in ~")
                .contains(" min (").endsWith(" min)");
        assertThat(breach.sentence()).startsWith("limit 720 reached in ~");
    }

    @Test
    void aFarLimitOrTheWrongDirectionIsNoBreach() {
        var forecaster = leak();
        assertThat(forecaster.timeToBreach(100_000, Direction.ABOVE, Duration.ofHours(1))).isEmpty();
        assertThat(forecaster.timeToBreach(100, Direction.BELOW, Duration.ofHours(1))).isEmpty();
    }

    @Test
    void aFallingSeriesBreachesAFloor() {
        var forecaster = new HoltWintersForecaster();
        for (int i = 0; i < 200; i++) {
            // Free disk falling 1 GiB every 5 minutes.
            forecaster.observe(START + i * 300L, 1000 - i);
        }
        Breach breach = forecaster.timeToBreach(700, Direction.BELOW, Duration.ofDays(1)).orElseThrow();
        // 801 now, 101 steps of 5 minutes to 700: 505 minutes, a little more as the damped trend flattens.
        assertThat(breach.expected()).isBetween(Duration.ofMinutes(480), Duration.ofMinutes(700));
        assertThat(breach.direction()).isEqualTo(Direction.BELOW);
        assertThat(breach.sentence()).contains("reached in ~").contains(" h");
    }

    @Test
    void aLimitAlreadyPassedIsReachedNow() {
        Breach breach = leak().timeToBreach(500, Direction.ABOVE, Duration.ofHours(1)).orElseThrow();
        assertThat(breach.expected()).isZero();
        assertThat(breach.describe("memory limit 500 MiB")).isEqualTo("memory limit 500 MiB already reached");
    }

    @Test
    void sentencesReadLikeAnAlert() {
        var breach = new Breach(Direction.ABOVE, 512, Duration.ofMinutes(40), Duration.ofMinutes(25),
                Duration.ofMinutes(70), false, Duration.ofHours(2));
        assertThat(breach.describe("memory limit 512 MiB")).isEqualTo("memory limit 512 MiB reached in ~40 min "
                + "(25-70 min)");
        var hours = new Breach(Direction.ABOVE, 0.9, Duration.ofMinutes(200), Duration.ofMinutes(90),
                Duration.ofHours(6), true, Duration.ofHours(6));
        assertThat(hours.sentence()).isEqualTo("limit 0.9 reached in ~3.3 h (90 min to beyond 6 h)");
        var days = new Breach(Direction.BELOW, 10, Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(5),
                false, Duration.ofDays(7));
        assertThat(days.sentence()).isEqualTo("limit 10 reached in ~3 d (2-5 d)");
    }
}
