package io.aidevops.ai.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.aidevops.ai.canary.KayentaJudge.NanStrategy;
import io.aidevops.ai.canary.KayentaJudge.OutlierStrategy;

class KayentaJudgeTest {

    private static final KayentaJudge JUDGE = new KayentaJudge();

    private static final MetricSpec LATENCY = MetricSpec.of("latency", MetricKind.LATENCY);

    @Nested
    class KnownWeakSpots {

        @Test
        void shouldPassATiedCanaryWithSevenOfTenPointsHundredFoldHigher() {
            // spinnaker/spinnaker#6278: the interval reaches down to 0 although 7 of 10 canary points are 100x.
            MetricResult result = classify(LATENCY, repeat(1, 10), concat(repeat(100, 7), repeat(1, 3)));

            assertThat(result.classification()).isEqualTo(Classification.PASS);
            TestEvidence test = result.tests().get(0);
            // The roots lie at the jumps 0 and 99 of the rank statistic, found to the solver's 1e-4.
            assertThat(test.lower()).isCloseTo(0, within(1e-4));
            assertThat(test.upper()).isCloseTo(99, within(1e-4));
            assertThat(test.estimate()).isCloseTo(99, within(1e-4));
            assertThat(test.tolerance()).isCloseTo(24.75, within(1e-4));
            assertThat(test.significant()).isFalse();
            assertThat(result.tests().get(1).estimate()).isCloseTo(70.3, within(1e-12));
            assertThat(result.reason()).isEqualTo(
                    "CI [0.00006825, 99] of the shift does not lie above 25% of its estimate 99 (24.75)");
        }

        @Test
        void shouldFlagATiedCanaryWithEightOfTenPointsHundredFoldHigher() {
            MetricResult result = classify(LATENCY, repeat(1, 10), concat(repeat(100, 8), repeat(1, 2)));

            assertThat(result.classification()).isEqualTo(Classification.HIGH);
            assertThat(result.tests().get(0).lower()).isCloseTo(99, within(1e-4));
            assertThat(result.tests()).allMatch(TestEvidence::flags);
            assertThat(result.reason()).isEqualTo("CI [99, 99] of the shift lies above 25% of its estimate 99 (24.75)"
                    + " and mean ratio 80.2 >= allowed 1.1");
        }

        @Test
        void shouldPassSparseErrorsAgainstAnAllZeroBaseline() {
            // spinnaker/spinnaker#5622, kayenta#426: 5 % of canary scrapes show errors, the baseline none at all.
            MetricSpec errors = MetricSpec.of("errors", MetricKind.ERROR_RATE);
            double[] canary = concat(repeat(0, 95), new double[] {0.02, 0.05, 0.1, 0.03, 0.01});

            CanaryVerdict verdict = judge(metric(errors, repeat(0, 100), canary));

            assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
            assertThat(verdict.score()).isEqualTo(100);
            MetricResult result = verdict.metric("errors");
            assertThat(result.classification()).isEqualTo(Classification.PASS);
            assertThat(result.tests().get(0).estimate()).isZero();
            assertThat(result.tests().get(0).lower()).isZero();
            assertThat(result.tests().get(1).estimate()).as("mean ratio against a zero mean").isNaN();
        }

        @Test
        void shouldMissAPureIncreaseOfVariance() {
            // kayenta#780: a location test cannot see a spread six times as wide around the same centre.
            MetricResult result = classify(LATENCY, normal(1, 200, 100, 5), normal(2, 200, 100, 30));

            assertThat(result.classification()).isEqualTo(Classification.PASS);
        }
    }

    @Nested
    class Shifts {

        @Test
        void shouldFlagAClearIncrease() {
            MetricResult result = classify(LATENCY, normal(1, 200, 100, 5), normal(2, 200, 130, 5));

            assertThat(result.classification()).isEqualTo(Classification.HIGH);
            assertThat(result.reason()).isEqualTo("CI [29.21, 31.56] of the shift lies above 25% of its estimate 30.38"
                    + " (7.594) and mean ratio 1.304 >= allowed 1.1");
            TestEvidence test = result.tests().get(0);
            assertThat(test.test()).isEqualTo("mann-whitney (kayenta)");
            assertThat(test.estimate()).isCloseTo(30, within(1.5));
            assertThat(test.lower()).isGreaterThan(test.tolerance()).isLessThan(test.estimate());
            assertThat(test.upper()).isGreaterThan(test.estimate());
            assertThat(test.tolerance()).isCloseTo(0.25 * test.estimate(), within(1e-12));
            assertThat(test.alpha()).isCloseTo(0.02, within(1e-12));
            assertThat(test.pValue()).isLessThan(1e-10);
            assertThat(test.statistic()).isGreaterThan(10);
            assertThat(test.flags()).isTrue();
            TestEvidence effect = result.tests().get(1);
            assertThat(effect.test()).isEqualTo("mean ratio (kayenta effect size)");
            assertThat(effect.estimate()).isCloseTo(1.3, within(0.02));
            assertThat(effect.tolerance()).isEqualTo(1.10);
        }

        @Test
        void shouldFlagAClearDropOfAMetricWatchedForDecreases() {
            MetricSpec throughput = MetricSpec.of("throughput", MetricKind.THROUGHPUT);

            MetricResult result = classify(throughput, normal(1, 200, 100, 5), normal(2, 200, 70, 5));

            assertThat(result.classification()).isEqualTo(Classification.LOW);
            assertThat(result.reason()).contains("lies below -25% of its estimate").contains("<= allowed 0.9091");
            assertThat(result.tests().get(0).upper()).isLessThan(-result.tests().get(0).tolerance());
            assertThat(result.tests().get(1).tolerance()).isEqualTo(1 / 1.10);
        }

        @Test
        void shouldFlagBothWaysWhenEitherDirectionCounts() {
            MetricSpec gauge = MetricSpec.of("queue", MetricKind.GAUGE);

            assertThat(classify(gauge, normal(1, 100, 100, 5), normal(2, 100, 130, 5)).classification())
                    .isEqualTo(Classification.HIGH);
            assertThat(classify(gauge, normal(1, 100, 100, 5), normal(2, 100, 70, 5)).classification())
                    .isEqualTo(Classification.LOW);
            assertThat(classify(gauge, normal(1, 100, 100, 5), normal(2, 100, 100, 5)).reason())
                    .contains("lies neither above 25% of its estimate");
        }

        @Test
        void shouldPassAChangeInTheDirectionThatDoesNotCount() {
            MetricResult result = classify(LATENCY, normal(1, 200, 100, 5), normal(2, 200, 70, 5));

            assertThat(result.classification()).isEqualTo(Classification.PASS);
            assertThat(result.reason()).contains("lies below -25%").endsWith("but only an increase counts for this"
                    + " metric");
            assertThat(result.tests().get(0).significant()).isFalse();
        }

        @Test
        void shouldPassASignificantShiftBelowTheAllowedIncrease() {
            // Five per cent higher, very clearly so, but the spec allows ten per cent.
            MetricResult result = classify(LATENCY, normal(1, 200, 100, 1), normal(2, 200, 105, 1));

            assertThat(result.classification()).isEqualTo(Classification.PASS);
            assertThat(result.reason()).contains("lies above 25% of its estimate").contains(", but mean ratio 1.05")
                    .contains("< allowed 1.1");
            assertThat(result.tests().get(0).significant()).isTrue();
            assertThat(result.tests().get(0).relevant()).isFalse();

            MetricSpec strict = LATENCY.withTolerance(1.0, 1.0);
            assertThat(classify(strict, normal(1, 200, 100, 1), normal(2, 200, 105, 1)).classification())
                    .isEqualTo(Classification.HIGH);
        }

        @Test
        void shouldUseKayentasDefaultEffectSizeForErrorRates() {
            // Our error-rate tolerances are absolute differences; Kayenta then gets its default ratio 1.0.
            MetricSpec errors = MetricSpec.of("errors", MetricKind.ERROR_RATE);

            MetricResult result = classify(errors, normal(1, 200, 0.010, 0.0005), normal(2, 200, 0.0105, 0.0005));

            assertThat(result.classification()).isEqualTo(Classification.HIGH);
            assertThat(result.tests().get(1).tolerance()).isEqualTo(1.0);
        }
    }

    @Nested
    class DegenerateData {

        @Test
        void shouldPassIdenticalValuesInAnyOrder() {
            MetricResult result = classify(LATENCY, new double[] {3, 1, 2, 5}, new double[] {5, 2, 3, 1});

            assertThat(result.classification()).isEqualTo(Classification.PASS);
            assertThat(result.reason()).isEqualTo("canary and baseline values are identical");
            assertThat(result.tests()).isEmpty();
        }

        @Test
        void shouldPassWhenEveryValueIsTheSame() {
            MetricResult result = classify(LATENCY, repeat(5, 20), repeat(5, 30));

            assertThat(result.classification()).isEqualTo(Classification.PASS);
            assertThat(result.reason()).isEqualTo("every canary and baseline value is 5");
        }

        @Test
        void shouldBreakTiesOfConstantSidesWithReproducibleNoise() {
            MetricResult result = classify(LATENCY, repeat(5, 30), repeat(6, 30));

            assertThat(result.classification()).isEqualTo(Classification.HIGH);
            assertThat(result.reason()).endsWith("both sides were constant, so noise of 0.00001 x the value broke"
                    + " the ties");
            assertThat(result.tests().get(0).estimate()).isCloseTo(1, within(1e-3));
            assertThat(result.tests().get(1).estimate()).isCloseTo(1.2, within(1e-4));
            assertThat(classify(LATENCY, repeat(5, 30), repeat(6, 30))).as("same name, same noise")
                    .isEqualTo(result);
            assertThat(classify(MetricSpec.of("other", MetricKind.LATENCY), repeat(5, 30), repeat(6, 30)).tests()
                    .get(0).estimate()).as("another name, other noise")
                    .isNotEqualTo(result.tests().get(0).estimate());
            assertThat(result.canary().std()).as("summaries describe the data, not the noise").isZero();
        }

        @Test
        void shouldPassConstantSidesWhoseRatioIsBelowTheAllowedIncrease() {
            assertThat(classify(LATENCY, repeat(5, 30), repeat(5.2, 30)).classification())
                    .isEqualTo(Classification.PASS);
        }

        @Test
        void shouldTurnAClassifierErrorIntoNoData() {
            // One point per side, one of them 0 and so without noise: at the shift between them the two points tie,
            // sigma is 0 and Kayenta's interval cannot be computed, which its judge reports as Error.
            MetricResult result = classify(LATENCY, new double[] {5}, new double[] {0});

            assertThat(result.classification()).isEqualTo(Classification.NODATA);
            assertThat(result.reason()).isEqualTo("Kayenta's classifier failed: cannot compute confidence interval"
                    + " when all observations are tied");
            assertThat(result.tests()).isEmpty();
        }
    }

    @Nested
    class MissingData {

        @Test
        void shouldReportNoDataForAnEmptySide() {
            assertThat(classify(LATENCY, repeat(1, 10), new double[0]).reason()).isEqualTo("no canary data");
            MetricResult result = classify(LATENCY, new double[] {Double.NaN, Double.NaN}, repeat(1, 10));
            assertThat(result.classification()).isEqualTo(Classification.NODATA);
            assertThat(result.reason()).isEqualTo("no baseline data");
            assertThat(result.baseline().count()).isZero();
        }

        @Test
        void shouldDropMissingValuesByDefault() {
            MetricResult result = classify(LATENCY, new double[] {1, Double.NaN, 2, 3}, new double[] {Double.NaN, 4});

            assertThat(result.baseline().count()).isEqualTo(3);
            assertThat(result.canary().count()).isEqualTo(1);
        }

        @Test
        void shouldTreatMissingValuesAsZeroWhenAskedTo() {
            var judge = new KayentaJudge(NanStrategy.REPLACE, OutlierStrategy.KEEP);
            double[] baseline = {Double.NaN, Double.NaN, 1, Double.NaN};

            MetricResult replaced = judge.classify(metric(LATENCY, baseline, new double[] {Double.NaN, 2}));
            assertThat(replaced.baseline().count()).isEqualTo(4);
            assertThat(replaced.baseline().mean()).isEqualTo(0.25);

            MetricResult empty = judge.classify(metric(LATENCY, new double[0], repeat(1, 10)));
            assertThat(empty.classification()).isEqualTo(Classification.PASS);
            assertThat(empty.reason()).isEqualTo("no baseline data; with NaN replaced by 0, Kayenta passes it");
        }

        @Test
        void shouldFailAMetricThatMustHaveDataOnlyAtTheFinalLook() {
            MetricSpec errors = MetricSpec.of("errors", MetricKind.ERROR_RATE).withMustHaveData(true);
            JudgeRequest request = JudgeRequest.of(List.of(metric(LATENCY, normal(1, 60, 100, 5),
                    normal(2, 60, 100, 5)), metric(MetricSpec.of("cpu", MetricKind.RESOURCE), normal(3, 60, 1, 0.1),
                            normal(4, 60, 1, 0.1)), metric(errors, new double[0], new double[0])));

            CanaryVerdict last = JUDGE.judge(request);
            assertThat(last.metric("errors").classification()).isEqualTo(Classification.NODATA);
            assertThat(last.metric("errors").reason()).isEqualTo("no data on either side, but the metric must have"
                    + " data");
            assertThat(last.score()).isEqualTo(66.67);
            assertThat(last.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(last.reason()).isEqualTo("failing: errors NODATA");

            CanaryVerdict early = JUDGE.judge(request.at(new Look(1, 3)));
            assertThat(early.score()).isEqualTo(100);
            assertThat(early.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void shouldScoreZeroWhenHalfTheMetricsHaveNoData() {
            CanaryVerdict verdict = judge(metric(LATENCY, normal(1, 60, 100, 5), normal(2, 60, 100, 5)),
                    metric(MetricSpec.of("cpu", MetricKind.RESOURCE), new double[0], normal(3, 60, 1, 0.1)));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).startsWith("1 of 2 metrics have no data");
        }
    }

    @Nested
    class Scoring {

        @Test
        void shouldZeroTheScoreWhenACriticalMetricFails() {
            CanaryVerdict verdict = judge(metric(LATENCY.withCritical(true), normal(1, 60, 100, 5),
                    normal(2, 60, 150, 5)), metric(MetricSpec.of("cpu", MetricKind.RESOURCE), normal(3, 60, 1, 0.1),
                            normal(4, 60, 1, 0.1)), metric(MetricSpec.of("memory", MetricKind.RESOURCE),
                                    normal(5, 60, 1, 0.1), normal(6, 60, 1, 0.1)));

            assertThat(verdict.score()).isZero();
            assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(verdict.reason()).startsWith("critical metric latency is HIGH: CI [");
            assertThat(verdict.judge()).isEqualTo("kayenta");
        }

        @Test
        void shouldReportButNotScoreAMutedMetric() {
            CanaryVerdict verdict = judge(metric(LATENCY.withMuted(true), normal(1, 60, 100, 5),
                    normal(2, 60, 150, 5)), metric(MetricSpec.of("cpu", MetricKind.RESOURCE), normal(3, 60, 1, 0.1),
                            normal(4, 60, 1, 0.1)));

            assertThat(verdict.metric("latency").classification()).isEqualTo(Classification.HIGH);
            assertThat(verdict.score()).isEqualTo(100);
            assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void shouldWeighGroups() {
            List<MetricInput> metrics = List.of(
                    metric(LATENCY.withGroup("latency"), normal(1, 60, 100, 5), normal(2, 60, 100, 5)),
                    metric(MetricSpec.of("cpu", MetricKind.RESOURCE).withGroup("resources"), normal(3, 60, 1, 0.1),
                            normal(4, 60, 2, 0.1)));
            var request = new JudgeRequest(metrics, Thresholds.DEFAULT, Map.of("latency", 75.0), Look.ONLY);

            CanaryVerdict verdict = JUDGE.judge(request);

            assertThat(verdict.metric("cpu").classification()).isEqualTo(Classification.HIGH);
            assertThat(verdict.score()).isEqualTo(75);
            assertThat(verdict.verdict()).isEqualTo(Verdict.MARGINAL);
            assertThat(verdict.reason()).isEqualTo("failing: cpu HIGH");
        }

        @Test
        void shouldWarnAboutShortBaselines() {
            CanaryVerdict verdict = judge(metric(LATENCY, normal(1, 20, 100, 5), normal(2, 20, 100, 5)),
                    metric(MetricSpec.of("cpu", MetricKind.RESOURCE), normal(3, 60, 1, 0.1), normal(4, 60, 1, 0.1)));

            assertThat(verdict.warnings()).containsExactly(
                    "Kayenta recommends at least 50 baseline points per metric; fewer for: latency (20)");
            assertThat(judge(metric(LATENCY, normal(1, 50, 100, 5), normal(2, 50, 100, 5))).warnings()).isEmpty();
        }

        @Test
        void shouldJudgeEveryLookAlike() {
            JudgeRequest request = JudgeRequest.of(List.of(metric(LATENCY, normal(1, 60, 100, 5),
                    normal(2, 60, 110, 5))));

            assertThat(JUDGE.judge(request.at(new Look(1, 4))).metrics())
                    .isEqualTo(JUDGE.judge(request).metrics());
        }
    }

    @Nested
    class Outliers {

        @Test
        void shouldKeepOutliersByDefault() {
            double[] baseline = concat(normal(1, 100, 100, 5), new double[] {10_000, 12_000, 9_000});

            assertThat(classify(LATENCY, baseline, normal(2, 100, 100, 5)).baseline().count()).isEqualTo(103);
        }

        @Test
        void shouldRemoveOutliersOfEachSideWhenAskedTo() {
            var judge = new KayentaJudge(NanStrategy.REMOVE, OutlierStrategy.REMOVE);
            double[] baseline = concat(normal(1, 100, 100, 5), new double[] {10_000, 12_000, 9_000});
            double[] canary = concat(normal(2, 100, 100, 5), new double[] {-5_000});

            MetricResult result = judge.classify(metric(LATENCY, baseline, canary));

            // Reduced sensitivity: with 3 of 103 points far out, P99 (about 9,980) is the upper fence, so 9,000 stays.
            assertThat(result.baseline().count()).isEqualTo(101);
            assertThat(result.baseline().max()).isEqualTo(9_000);
            assertThat(result.canary().count()).isEqualTo(100);
            assertThat(result.canary().min()).isGreaterThan(0);
        }

        @Test
        void shouldUseTheWiderOfThePercentileAndIqrFences() {
            double[] values = new double[100];
            Arrays.setAll(values, i -> i + 1);

            // Q1 25.75, Q3 75.25, IQR 49.5: the IQR fences -122.75 and 223.75 are wider than P1 1.99 and P99 99.01.
            assertThat(IqrFences.of(values, 3.0)).isEqualTo(new IqrFences(25.75 - 3 * 49.5, 75.25 + 3 * 49.5));
            // With k = 0 the percentile fences are the wider ones and cut the extreme point at each end.
            IqrFences percentiles = IqrFences.of(values, 0);
            assertThat(percentiles.lower()).isCloseTo(1.99, within(1e-12));
            assertThat(percentiles.upper()).isCloseTo(99.01, within(1e-12));
            assertThat(IqrFences.removeOutliers(values, 0)).hasSize(98).doesNotContain(1.0, 100.0);
        }

        @Test
        void shouldRejectANegativeOutlierFactor() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new KayentaJudge(NanStrategy.REMOVE, OutlierStrategy.REMOVE, -1))
                    .withMessageContaining("outlier factor");
        }
    }

    private static MetricResult classify(MetricSpec spec, double[] baseline, double[] canary) {
        return JUDGE.classify(metric(spec, baseline, canary));
    }

    private static CanaryVerdict judge(MetricInput... metrics) {
        return JUDGE.judge(JudgeRequest.of(List.of(metrics)));
    }

    private static MetricInput metric(MetricSpec spec, double[] baseline, double[] canary) {
        return new MetricInput(spec, MetricSamples.of(baseline, canary));
    }

    private static double[] repeat(double value, int count) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] concat(double[] first, double[] second) {
        double[] values = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, values, first.length, second.length);
        return values;
    }

    private static double[] normal(long seed, int count, double mean, double sd) {
        var random = new SplittableRandom(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }
}
