package io.aidevops.ai.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EwmaZDetectorTest {

    @Test
    void noiseStaysQuietASpikeAlarmsOnceThenCoolsDown() {
        StreamingDetector detector = Detectors.create("ewma-z");
        var random = new SplittableRandom(3);
        double highest = 0;
        for (int i = 0; i < 2000; i++) {
            highest = Math.max(highest, detector.score(i * 60L, 100 + random.nextGaussian()));
        }
        assertThat(highest).as("plain noise").isLessThan(0.5);

        assertThat(detector.score(2000 * 60L, 160)).as("the spike").isGreaterThanOrEqualTo(0.9);
        assertThat(detector.score(2001 * 60L, 160)).as("the next row, cooling down").isLessThanOrEqualTo(0.5);
    }

    @Test
    void scoresDependOnThePastOnly() {
        double[] values = new SplittableRandom(5).doubles(500, 0, 10).toArray();
        values[300] = 80;
        StreamingDetector whole = new EwmaZDetector();
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = whole.score(i, values[i]);
        }
        StreamingDetector prefix = new EwmaZDetector();
        for (int i = 0; i <= 300; i++) {
            assertThat(prefix.score(i, values[i])).isEqualTo(scores[i]);
        }
        assertThat(scores[300]).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void unknownDetectorsAreNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Detectors.create("htm"))
                .withMessageContaining("unknown detector 'htm'; known: composite, composite-quiet, ewma-z");
    }
}
