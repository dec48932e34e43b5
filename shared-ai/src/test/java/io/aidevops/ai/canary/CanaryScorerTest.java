package io.aidevops.ai.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanaryScorerTest {

    private static final SeriesSummary NONE = SeriesSummary.of(new double[0]);

    @Nested
    class Weights {

        @Test
        void shouldSplitEquallyWithoutWeights() {
            assertThat(CanaryScorer.weights(List.of("a", "b", "c", "d"), Map.of()))
                    .containsExactly(entry("a", 25.0), entry("b", 25.0), entry("c", 25.0), entry("d", 25.0));
        }

        @Test
        void shouldShareTheRestAmongUnnamedGroups() {
            assertThat(CanaryScorer.weights(List.of("a", "b", "c"), Map.of("a", 50.0)))
                    .containsExactly(entry("a", 50.0), entry("b", 25.0), entry("c", 25.0));
        }

        @Test
        void shouldNormaliseWeightsThatDoNotAddUpTo100() {
            Map<String, Double> weights = CanaryScorer.weights(List.of("a", "b"), Map.of("a", 30.0, "b", 10.0));

            assertThat(weights.get("a")).isCloseTo(75, within(1e-12));
            assertThat(weights.get("b")).isCloseTo(25, within(1e-12));
        }

        @Test
        void shouldLeaveNothingToUnnamedGroupsWhenNamedOnesTakeAll() {
            Map<String, Double> weights = CanaryScorer.weights(List.of("a", "b", "c"),
                    Map.of("a", 80.0, "b", 40.0));

            assertThat(weights.get("a")).isCloseTo(200.0 / 3, within(1e-12));
            assertThat(weights.get("b")).isCloseTo(100.0 / 3, within(1e-12));
            assertThat(weights).containsEntry("c", 0.0);
        }

        @Test
        void shouldSplitEquallyWhenEveryWeightIsZero() {
            assertThat(CanaryScorer.weights(List.of("a", "b"), Map.of("a", 0.0, "b", 0.0)))
                    .containsExactly(entry("a", 50.0), entry("b", 50.0));
        }

        @Test
        void shouldIgnoreWeightsOfGroupsWithoutMetrics() {
            assertThat(CanaryScorer.weights(List.of("a", "b"), Map.of("a", 50.0, "gone", 50.0)))
                    .containsExactly(entry("a", 50.0), entry("b", 50.0));
        }
    }

    @Nested
    class Groups {

        @Test
        void shouldScoreTheShareOfPassedMetrics() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result("b", Classification.PASS), result("c", Classification.HIGH),
                    result("d", Classification.PASS)));

            assertThat(verdict.score()).isEqualTo(75);
            assertThat(verdict.verdict()).isEqualTo(Verdict.MARGINAL);
            assertThat(verdict.reason()).isEqualTo("failing: c HIGH");
        }

        @Test
        void shouldAverageGroupsWithTheirWeights() {
            var request = request(Map.of("latency", 60.0));
            CanaryVerdict verdict = score(request, List.of(result(spec("a").withGroup("latency"), Classification.PASS),
                    result(spec("b").withGroup("latency"), Classification.LOW),
                    result(spec("c").withGroup("errors"), Classification.PASS),
                    result(spec("d").withGroup("resources"), Classification.HIGH)));

            // latency 50 x 60 %, errors 100 x 20 %, resources 0 x 20 %
            assertThat(verdict.score()).isEqualTo(50);
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        }

        @Test
        void shouldCountAGroupWithoutJudgedMetricsAs100() {
            CanaryVerdict verdict = score(request(), List.of(result(spec("a").withGroup("x"), Classification.PASS),
                    result(spec("b").withGroup("x"), Classification.HIGH),
                    result(spec("c").withGroup("y"), Classification.NODATA),
                    result(spec("d").withGroup("z"), Classification.PASS)));

            // x 50, y has no judged metric: 100, z 100
            assertThat(verdict.score()).isEqualTo(83.33);
        }

        @Test
        void shouldRoundToTwoDecimals() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result("b", Classification.PASS), result("c", Classification.HIGH)));

            assertThat(verdict.score()).isEqualTo(66.67);
        }
    }

    @Nested
    class Critical {

        @Test
        void shouldZeroTheScoreWhenACriticalMetricFails() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result(spec("b").withCritical(true), Classification.LOW), result("c", Classification.PASS)));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).isEqualTo("critical metric b is LOW: because");
        }

        @Test
        void shouldFailACriticalFailureEvenWhenTheThresholdsPassAScoreOfZero() {
            JudgeRequest request = request().withThresholds(new Thresholds(0, 0));

            CanaryVerdict verdict = score(request, List.of(result(spec("a").withCritical(true), Classification.HIGH)));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        }

        @Test
        void shouldIgnoreAFailingMutedCriticalMetric() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result(spec("b").withCritical(true).withMuted(true), Classification.HIGH)));

            assertThat(verdict.score()).isEqualTo(100);
            assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void shouldFailACriticalMetricWithoutDataAtTheFinalLookOnlyWhenStrict() {
            List<MetricResult> results = List.of(result("a", Classification.PASS), result("b", Classification.PASS),
                    result(spec("c").withCritical(true), Classification.NODATA));

            assertThat(score(request(), results).verdict()).isEqualTo(Verdict.FAIL);
            assertThat(score(request().at(new Look(1, 2)), results).score()).isEqualTo(100);
            assertThat(CanaryScorer.score("ours", request(), results, false, List.of()).score()).isEqualTo(100);
        }

        @Test
        void shouldFailACriticalMetricThatMustHaveDataAtTheFinalLookEvenWhenNotStrict() {
            List<MetricResult> results = List.of(result("a", Classification.PASS), result("b", Classification.PASS),
                    result(spec("c").withCritical(true).withMustHaveData(true), Classification.NODATA));

            CanaryVerdict verdict = CanaryScorer.score("ours", request(), results, false, List.of());

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).startsWith("critical metric c is NODATA");
        }
    }

    @Nested
    class MissingData {

        @Test
        void shouldCountAMetricThatMustHaveDataAsFailedAtTheFinalLookOnly() {
            List<MetricResult> results = List.of(result("a", Classification.PASS), result("b", Classification.PASS),
                    result(spec("c").withMustHaveData(true), Classification.NODATA));

            CanaryVerdict last = score(request(), results);
            assertThat(last.score()).isEqualTo(66.67);
            assertThat(last.reason()).isEqualTo("failing: c NODATA");

            CanaryVerdict early = score(request().at(new Look(2, 3)), results);
            assertThat(early.score()).isEqualTo(100);
            assertThat(early.reason()).isEqualTo("no metric differs beyond its tolerance");
        }

        @Test
        void shouldLeaveOutAMetricWithoutDataThatNeedNotHaveIt() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result("b", Classification.PASS), result("c", Classification.NODATA)));

            assertThat(verdict.score()).isEqualTo(100);
        }

        @Test
        void shouldScoreZeroWhenHalfTheMetricsHaveNoDataIfStrict() {
            List<MetricResult> results = List.of(result("a", Classification.PASS), result("b", Classification.HIGH),
                    result("c", Classification.NODATA), result("d", Classification.NODATA));

            CanaryVerdict strict = score(request(), results);
            assertThat(strict.score()).isZero();
            assertThat(strict.reason()).isEqualTo("2 of 4 metrics have no data; a judgment needs data for most"
                    + " metrics");

            CanaryVerdict lenient = CanaryScorer.score("ours", request(), results, false, List.of("earlier"));
            assertThat(lenient.score()).isEqualTo(50);
            assertThat(lenient.warnings()).containsExactly("earlier",
                    "2 of 4 metrics have no data; the score stands on the others until the final look");
        }

        @Test
        void shouldCountOnlyScoredMetricsForTheNoDataShare() {
            CanaryVerdict verdict = score(request(), List.of(result("a", Classification.PASS),
                    result("b", Classification.PASS), result("c", Classification.NODATA),
                    result(spec("d").withMuted(true), Classification.NODATA)));

            assertThat(verdict.score()).isEqualTo(100);
        }

        @Test
        void shouldScoreZeroWhenEveryMetricIsMuted() {
            CanaryVerdict verdict = score(request(), List.of(result(spec("a").withMuted(true), Classification.PASS)));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).isEqualTo("every metric is muted; nothing was scored");
            assertThat(verdict.metrics()).hasSize(1);
        }
    }

    @Test
    void shouldCopyJudgeLookAndWarningsIntoTheVerdict() {
        var warnings = new ArrayList<>(List.of("short baseline"));
        JudgeRequest request = request().at(new Look(2, 5));

        CanaryVerdict verdict = CanaryScorer.score("some judge", request, List.of(result("a", Classification.PASS)),
                true, warnings);

        assertThat(verdict.judge()).isEqualTo("some judge");
        assertThat(verdict.look()).isEqualTo(new Look(2, 5));
        assertThat(verdict.warnings()).containsExactly("short baseline");
        assertThat(warnings).as("the caller's list is not changed").containsExactly("short baseline");
    }

    private static CanaryVerdict score(JudgeRequest request, List<MetricResult> results) {
        return CanaryScorer.score("kayenta", request, results, true, List.of());
    }

    private static JudgeRequest request() {
        return request(Map.of());
    }

    /** A request at the final look; its metrics only need to exist, the scorer reads the results. */
    private static JudgeRequest request(Map<String, Double> weights) {
        var metric = new MetricInput(spec("input"), MetricSamples.of(new double[] {1}, new double[] {1}));
        return new JudgeRequest(List.of(metric), Thresholds.DEFAULT, weights, Look.ONLY);
    }

    private static MetricSpec spec(String name) {
        return MetricSpec.of(name, MetricKind.LATENCY);
    }

    private static MetricResult result(String name, Classification classification) {
        return result(spec(name), classification);
    }

    private static MetricResult result(MetricSpec spec, Classification classification) {
        return new MetricResult(spec, classification, "because", List.of(), NONE, NONE);
    }
}
