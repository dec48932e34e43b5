package io.aidevops.ai.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

/** The default detector on synthetic series with one known change each (5-minute steps). */
class CompositeDetectorTest {

    private static final long STEP = 300;
    private static final int CHANGE = 3000;

    @Test
    void theDefaultIsTheCompositeWithItsShippedThreshold() {
        assertThat(Detectors.DEFAULT).isEqualTo("composite");
        assertThat(Detectors.create(Detectors.DEFAULT)).isInstanceOf(CompositeDetector.class);
        assertThat(Detectors.threshold("composite")).isEqualTo(0.5);
        assertThat(Detectors.threshold("EWMA-Z")).isEqualTo(0.9);
        assertThat(Detectors.threshold("composite-quiet")).isEqualTo(0.5);
        assertThat(Detectors.names()).containsExactly("composite", "composite-quiet", "ewma-z");
    }

    @Test
    void aNewExtremeAlarmsAtOnceAsARecord() {
        double[] values = bounded(7, CHANGE + 200, 100, 1);
        values[CHANGE] = 130;
        Evidence[] evidence = new Evidence[1];
        double[] scores = run(values, CHANGE, evidence);
        assertThat(alarms(scores)).containsExactly(CHANGE);
        assertThat(evidence[0].component()).isEqualTo(Evidence.Component.RECORD);
        assertThat(evidence[0].alarming()).isTrue();
        assertThat(evidence[0].toString()).startsWith("record: share of the range seen so far passed ");
    }

    @Test
    void aSpikeInsideTheRangeSeenAlarmsAsASpike() {
        double[] values = bounded(8, CHANGE + 200, 100, 1);
        // An early excursion (during warm-up) widens the range seen, so the later spike is no new extreme.
        values[100] = 200;
        values[CHANGE] = 150;
        Evidence[] evidence = new Evidence[1];
        double[] scores = run(values, CHANGE, evidence);
        assertThat(alarms(scores)).containsExactly(CHANGE);
        assertThat(evidence[0].component()).isEqualTo(Evidence.Component.SPIKE);
        assertThat(evidence[0].statistic()).isGreaterThan(evidence[0].threshold());
        assertThat(evidence[0].toString()).startsWith("spike: robust z ").contains(" >= ");
    }

    @Test
    void aBurstTheSeriesMakesEveryDayAtThatHourAlarmsOnceButTheSameBurstAtAnotherHourAlarms() {
        int day = (int) (86_400 / STEP);
        double[] values = bounded(9, 10 * day, 100, 1);
        // An early excursion (during warm-up) widens the range seen, so the bursts are no new extremes.
        values[100] = 200;
        List<Integer> bursts = new ArrayList<>();
        for (int i = day + 24; i < 9 * day; i += day) {
            values[i] = 150; // 02:00 every day from the second on
            bursts.add(i);
        }
        int offHour = 9 * day + 168; // 14:00 on the last day
        values[offHour] = 150;
        StreamingDetector detector = Detectors.create(Detectors.DEFAULT);
        List<Integer> spikes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detector.score(i * STEP, values[i]) >= Detectors.threshold(Detectors.DEFAULT)
                    && detector.lastEvidence().component() == Evidence.Component.SPIKE) {
                spikes.add(i);
            }
        }
        // (The slow deviation view may still notice that bursts keep coming; it is not hour-aware.)
        assertThat(spikes).as("the first 02:00 burst is news, the later ones routine")
                .containsExactly(bursts.get(0), offHour);
    }

    @Test
    void theQuietVariantReportsNoUpwardSpikeButADropAndANewExtreme() {
        double[] values = noise(41, CHANGE + 400, 100, 1);
        // Early excursions (during warm-up) widen the range seen both ways, so neither the spikes nor the drop
        // below are new extremes.
        values[100] = 200;
        values[110] = 50;
        int drop = CHANGE - 1000;
        values[drop] = 55;
        for (int i = CHANGE; i < CHANGE + 200; i += 20) {
            values[i] = 135;
        }
        values[CHANGE + 300] = 230;
        StreamingDetector quiet = Detectors.create("composite-quiet");
        List<Evidence.Component> fired = new ArrayList<>();
        List<Integer> alarms = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (quiet.score(i * STEP, values[i]) >= Detectors.threshold("composite-quiet")) {
                alarms.add(i);
                fired.add(quiet.lastEvidence().component());
            }
        }
        assertThat(alarms).as("the drop, then the new extreme").contains(drop, CHANGE + 300);
        assertThat(fired.get(alarms.indexOf(drop))).isEqualTo(Evidence.Component.SPIKE);
        assertThat(alarms).as("no upward spike").noneMatch(i -> i >= CHANGE && i < CHANGE + 200
                && fired.get(alarms.indexOf(i)) == Evidence.Component.SPIKE);
        assertThat(alarms(run(values))).as("the default reports the outliers").contains(CHANGE);
    }

    @Test
    void aLevelShiftAlarmsWithinAFewPointsAndOnceOnly() {
        double[] values = bounded(11, CHANGE + 1000, 100, 1);
        for (int i = CHANGE; i < values.length; i++) {
            values[i] += 5;
        }
        List<Integer> alarms = alarmsAfterLearning(run(values));
        assertThat(alarms).isNotEmpty();
        assertThat(alarms.get(0)).isBetween(CHANGE, CHANGE + 5);
        assertThat(alarms).as("one event, one alert").hasSize(1);
    }

    @Test
    void aTrendChangeAlarmsWithinThreeHours() {
        double[] values = bounded(13, CHANGE + 1000, 100, 1);
        for (int i = CHANGE; i < values.length; i++) {
            values[i] += 0.1 * (i - CHANGE);
        }
        List<Integer> alarms = alarmsAfterLearning(run(values));
        assertThat(alarms).isNotEmpty();
        assertThat(alarms.get(0)).isBetween(CHANGE, CHANGE + 36);
    }

    @Test
    void aVarianceIncreaseAlarms() {
        double[] values = bounded(17, CHANGE + 1000, 100, 1);
        double[] wider = bounded(18, values.length, 100, 4);
        System.arraycopy(wider, CHANGE, values, CHANGE, values.length - CHANGE);
        List<Integer> alarms = alarmsAfterLearning(run(values));
        assertThat(alarms).isNotEmpty();
        assertThat(alarms.get(0)).isBetween(CHANGE, CHANGE + 24);
    }

    @Test
    void aDailyRhythmIsLearntAndABreakInItAlarms() {
        int day = 288;
        var random = new SplittableRandom(19);
        IntToDoubleFunction daily = i -> 100 + 20 * Math.sin(2 * Math.PI * i / day) + random.nextDouble(-1, 1);
        int breakAt = 12 * day + day / 4;
        double[] values = new double[14 * day];
        for (int i = 0; i < values.length; i++) {
            // From the break on the day stays at its peak: the evening dip does not come.
            values[i] = i < breakAt ? daily.applyAsDouble(i) : 120 + random.nextDouble(-1, 1);
        }
        List<Integer> alarms = alarms(run(values));
        assertThat(alarms).as("the rhythm itself, after two days of learning").noneMatch(i -> i >= 2 * day
                && i < breakAt);
        assertThat(alarms).as("the missing dip").anyMatch(i -> i >= breakAt && i < breakAt + day / 4);
    }

    @Test
    void boundedNoiseRaisesNoAlarm() {
        assertThat(alarms(run(bounded(23, 20_000, 50, 3)))).isEmpty();
    }

    @Test
    void gaussianNoiseRaisesNoAlarmStorm() {
        // Gaussian noise keeps setting new extremes (about 2 ln(n) of them), which the record view reports when they
        // pass the old range by 1 % of it; that is the price of the view that pays most on NAB.
        List<Integer> alarms = alarms(run(noise(23, 20_000, 50, 3)));
        assertThat(alarms).as("alarms in 20,000 points of Gaussian noise").hasSizeLessThanOrEqualTo(10);
        for (int i = 1; i < alarms.size(); i++) {
            assertThat(alarms.get(i) - alarms.get(i - 1)).isGreaterThan(CompositeDetector.COOL_DOWN);
        }
    }

    @Test
    void afterAnAlarmTheCoolDownStaysBelowTheThreshold() {
        double[] values = bounded(29, CHANGE + 600, 100, 1);
        // A storm: every tenth point is the same outlier.
        for (int i = CHANGE; i < values.length; i += 10) {
            values[i] = 160;
        }
        List<Integer> alarms = alarms(run(values));
        assertThat(alarms).isNotEmpty();
        for (int i = 1; i < alarms.size(); i++) {
            assertThat(alarms.get(i) - alarms.get(i - 1)).isGreaterThan(CompositeDetector.COOL_DOWN);
        }
        assertThat(alarms.get(0)).isEqualTo(CHANGE);
    }

    @Test
    void nothingAlarmsDuringWarmUp() {
        double[] values = noise(31, CompositeDetector.WARM_UP, 0, 1);
        values[CompositeDetector.WARM_UP / 2] = 1000;
        assertThat(run(values)).containsOnly(0.0);
        assertThat(new CompositeDetector().lastEvidence()).isEqualTo(Evidence.NONE);
    }

    @Test
    void scoresAreDeterministicAndDependOnThePastOnly() {
        double[] values = noise(37, 4000, 10, 2);
        values[2500] = 60;
        double[] scores = run(values);
        assertThat(run(values)).containsExactly(scores);
        CompositeDetector prefix = new CompositeDetector();
        for (int i = 0; i <= 2500; i++) {
            assertThat(prefix.score(i * STEP, values[i])).isEqualTo(scores[i]);
        }
        assertThat(scores[2500]).isGreaterThanOrEqualTo(CompositeDetector.THRESHOLD);
        assertThat(java.util.Arrays.stream(scores).allMatch(s -> s >= 0 && s < 1)).as("scores in [0, 1)").isTrue();
    }

    @Test
    void nonFiniteValuesAreRefusedAndLeaveTheStateAlone() {
        CompositeDetector detector = new CompositeDetector();
        CompositeDetector twin = new CompositeDetector();
        for (int i = 0; i < 500; i++) {
            detector.score(i * STEP, i % 7);
            twin.score(i * STEP, i % 7);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> detector.score(500 * STEP, Double.NaN))
                .withMessageContaining("non-finite value NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> detector.score(500 * STEP,
                Double.POSITIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> Detectors.create("ewma-z").score(0,
                Double.NEGATIVE_INFINITY));
        assertThat(detector.score(500 * STEP, 3)).isEqualTo(twin.score(500 * STEP, 3));
    }

    @Test
    void evidenceReadsAsOneLine() {
        assertThat(new Evidence(Evidence.Component.SPIKE, 9.2, 8).toString())
                .isEqualTo("spike: robust z 9.20 >= 8.00");
        assertThat(new Evidence(Evidence.Component.NOVELTY, 1.5, 4).toString())
                .isEqualTo("novelty: likelihood z of unseen patterns 1.50 < 4.00");
        assertThat(Evidence.NONE.alarming()).isFalse();
    }

    private static double[] run(double[] values) {
        return run(values, -1, new Evidence[1]);
    }

    /** Scores the values, keeping the evidence for point {@code at}. */
    private static double[] run(double[] values, int at, Evidence[] evidence) {
        StreamingDetector detector = Detectors.create(Detectors.DEFAULT);
        double[] scores = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = detector.score(i * STEP, values[i]);
            if (i == at) {
                evidence[0] = detector.lastEvidence();
            }
        }
        return scores;
    }

    /** Alarms from a third of the way to the change on: quiet data must stay quiet once learnt. */
    private static List<Integer> alarmsAfterLearning(double[] scores) {
        return alarms(scores).stream().filter(i -> i >= CHANGE / 3).toList();
    }

    private static List<Integer> alarms(double[] scores) {
        List<Integer> alarms = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= Detectors.threshold(Detectors.DEFAULT)) {
                alarms.add(i);
            }
        }
        return alarms;
    }

    /** Uniform noise: its range is learnt quickly, so new extremes stop after the first few dozen points. */
    private static double[] bounded(long seed, int length, double mean, double halfWidth) {
        var random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = mean + random.nextDouble(-halfWidth, halfWidth);
        }
        return values;
    }

    private static double[] noise(long seed, int length, double mean, double sd) {
        var random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }
}
