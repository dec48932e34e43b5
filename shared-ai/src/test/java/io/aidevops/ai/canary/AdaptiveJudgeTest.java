package io.aidevops.ai.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AdaptiveJudgeTest {

    private final AdaptiveJudge judge = new AdaptiveJudge();

    @Test
    void passesTwoSamplesOfTheSameNoisyLatency() {
        var random = new SplittableRandom(1);
        var failures = new java.util.ArrayList<String>();
        for (int round = 0; round < 200; round++) {
            var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY),
                    logNormal(random, 60, 0.1, 0.3), logNormal(random, 60, 0.1, 0.3)));
            if (verdict.verdict() != Verdict.PASS) {
                failures.add(verdict.reason() + " / " + verdict.metric("latency").reason());
            }
        }
        assertThat(failures).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void flagsATwentyFivePerCentLatencyRegressionWithEvidence() {
        var random = new SplittableRandom(2);
        var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY),
                logNormal(random, 60, 0.1, 0.2), logNormal(random, 60, 0.125, 0.2)));
        MetricResult latency = verdict.metric("latency");
        assertThat(latency.classification()).isEqualTo(Classification.HIGH);
        TestEvidence location = latency.tests().get(0);
        assertThat(location.test()).isEqualTo("rank-sum");
        assertThat(location.estimate()).isBetween(1.15, 1.35);
        assertThat(location.lower()).isGreaterThan(1.0);
        assertThat(latency.reason()).contains("rank-sum", "median ratio");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.score()).isZero();
    }

    @Test
    void flagsErrorsAgainstAZeroBaselineWhereKayentaSeesTies() {
        double[] baseline = new double[60];
        double[] canary = new double[60];
        double[] requests = new double[60];
        java.util.Arrays.fill(requests, 100);
        for (int i = 0; i < 60; i += 5) {
            canary[i] = 0.05;
        }
        var weighted = judge.judge(JudgeRequest.of(List.of(new MetricInput(
                MetricSpec.of("errors", MetricKind.ERROR_RATE),
                new MetricSamples(baseline, canary, requests, requests)))));
        assertThat(weighted.metric("errors").classification()).isEqualTo(Classification.HIGH);
        assertThat(weighted.metric("errors").tests().get(0).test()).isEqualTo("poisson-rate");

        var shares = judge.judge(request(MetricSpec.of("errors", MetricKind.ERROR_RATE), baseline, canary));
        assertThat(shares.metric("errors").classification()).isEqualTo(Classification.HIGH);
    }

    @Test
    void errorRateWithinToleranceIsNotFlaggedHoweverSignificant() {
        double[] requests = new double[60];
        java.util.Arrays.fill(requests, 10_000);
        double[] baseline = new double[60];
        double[] canary = new double[60];
        java.util.Arrays.fill(baseline, 0.001);
        java.util.Arrays.fill(canary, 0.003);
        var verdict = judge.judge(JudgeRequest.of(List.of(new MetricInput(
                MetricSpec.of("errors", MetricKind.ERROR_RATE),
                new MetricSamples(baseline, canary, requests, requests)))));
        TestEvidence rate = verdict.metric("errors").tests().get(0);
        assertThat(rate.significant()).isTrue();
        assertThat(rate.relevant()).isFalse();
        assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void seesHeavilyTiedRegressionsKayentaPasses() {
        double[] canary = {100, 100, 100, 100, 100, 100, 100, 1, 1, 1};
        double[] baseline = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY), baseline, canary));
        assertThat(verdict.metric("latency").classification()).isEqualTo(Classification.HIGH);
    }

    @Test
    void seesAVarianceOnlyIncrease() {
        var random = new SplittableRandom(5);
        double[] baseline = random.doubles(80).map(u -> 100 + 5 * gaussian(random)).toArray();
        double[] canary = random.doubles(80).map(u -> 100 + 15 * gaussian(random)).toArray();
        var verdict = judge.judge(request(MetricSpec.of("memory", MetricKind.RESOURCE), baseline, canary));
        MetricResult memory = verdict.metric("memory");
        assertThat(memory.classification()).isEqualTo(Classification.HIGH);
        assertThat(memory.reason()).contains("spread-rank");
    }

    @Test
    void seesATailOnlyLatencyChange() {
        var random = new SplittableRandom(9);
        // The tail test asks whether the tail grew by more than the tolerance, so it needs more points than a test
        // of any growth: 800 per side for an eighth of the requests four times slower.
        double[] baseline = logNormal(random, 800, 0.05, 0.2);
        double[] canary = logNormal(random, 800, 0.05, 0.2);
        for (int i = 0; i < canary.length; i += 8) {
            canary[i] *= 4;
        }
        var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY), baseline, canary));
        MetricResult latency = verdict.metric("latency");
        assertThat(latency.classification()).isEqualTo(Classification.HIGH);
        assertThat(latency.tests()).anyMatch(t -> t.test().equals("tail-exceedance") && t.flags());
    }

    @Test
    void throughputDropIsLowAndARiseIsFine() {
        var random = new SplittableRandom(4);
        var spec = MetricSpec.of("rps", MetricKind.THROUGHPUT);
        double[] baseline = random.doubles(60, 95, 105).toArray();
        double[] lower = random.doubles(60, 60, 70).toArray();
        double[] higher = random.doubles(60, 140, 150).toArray();
        assertThat(judge.judge(request(spec, baseline, lower)).metric("rps").classification())
                .isEqualTo(Classification.LOW);
        assertThat(judge.judge(request(spec, baseline, higher)).metric("rps").classification())
                .isEqualTo(Classification.PASS);
        assertThat(judge.judge(request(spec.withDirection(Direction.EITHER), baseline, higher)).metric("rps")
                .classification()).isEqualTo(Classification.HIGH);
    }

    @Test
    void tooFewPointsIsNoDataNotAPass() {
        var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY),
                new double[] {1, 2, 3}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
        assertThat(verdict.metric("latency").classification()).isEqualTo(Classification.NODATA);
        assertThat(verdict.metric("latency").reason()).contains("baseline has 3 points");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.reason()).contains("no data");
    }

    @Test
    void missingDataIsGraceBeforeTheFinalLook() {
        var random = new SplittableRandom(6);
        var request = new JudgeRequest(List.of(
                input(MetricSpec.of("latency", MetricKind.LATENCY), logNormal(random, 40, 0.1, 0.2),
                        logNormal(random, 40, 0.1, 0.2)),
                input(MetricSpec.of("cpu", MetricKind.RESOURCE), new double[0], new double[0])),
                Thresholds.DEFAULT, java.util.Map.of(), new Look(1, 5));
        var early = judge.judge(request);
        assertThat(early.verdict()).isEqualTo(Verdict.PASS);
        assertThat(early.warnings()).anyMatch(w -> w.contains("1 of 2 metrics have no data"));
        var last = judge.judge(request.at(new Look(5, 5)));
        assertThat(last.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void seriesOfDifferentLengthsWithMissingScrapesAreJudged() {
        var random = new SplittableRandom(8);
        double[] baseline = logNormal(random, 90, 0.1, 0.2);
        double[] canary = logNormal(random, 31, 0.1, 0.2);
        baseline[3] = Double.NaN;
        canary[0] = Double.NaN;
        var verdict = judge.judge(request(MetricSpec.of("latency", MetricKind.LATENCY), baseline, canary));
        assertThat(verdict.metric("latency").baseline().count()).isEqualTo(89);
        assertThat(verdict.metric("latency").canary().count()).isEqualTo(30);
        assertThat(verdict.metric("latency").classification()).isEqualTo(Classification.PASS);
    }

    @Test
    void earlyLooksAreStricterThanASingleJudgment() {
        var random = new SplittableRandom(10);
        var request = request(MetricSpec.of("latency", MetricKind.LATENCY), logNormal(random, 60, 0.1, 0.2),
                logNormal(random, 60, 0.11, 0.2));
        double single = judge.judge(request).metric("latency").tests().get(0).alpha();
        double first = judge.judge(request.at(new Look(1, 5))).metric("latency").tests().get(0).alpha();
        assertThat(first).isLessThan(single / 5);
    }

    @Test
    void errorRatesGetThreeSharesOfTheBudgetAndTheSharesAddUpToIt() {
        var random = new SplittableRandom(12);
        double[] requests = new double[40];
        java.util.Arrays.fill(requests, 100);
        var request = JudgeRequest.of(List.of(
                input(MetricSpec.of("latency", MetricKind.LATENCY), logNormal(random, 40, 0.1, 0.2),
                        logNormal(random, 40, 0.1, 0.2)),
                new MetricInput(MetricSpec.of("errors", MetricKind.ERROR_RATE),
                        new MetricSamples(new double[40], new double[40], requests, requests))));

        var verdict = judge.judge(request);

        double latencyBudget = verdict.metric("latency").tests().stream().mapToDouble(TestEvidence::alpha).sum();
        double errorBudget = verdict.metric("errors").tests().stream().mapToDouble(TestEvidence::alpha).sum();
        assertThat(errorBudget / latencyBudget).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(latencyBudget + errorBudget).isCloseTo(AlphaSpending.DEFAULT.alpha(),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void errorRatesGivenAsPercentsAreRefusedNamingThePoint() {
        double[] shares = new double[20];
        double[] percents = new double[20];
        percents[7] = 1.5;
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> judge.judge(
                request(MetricSpec.of("errors", MetricKind.ERROR_RATE), shares, percents)))
                .withMessageContaining("metric errors: canary[7] is 1.5").withMessageContaining("0.01 for 1 %");
    }

    private static JudgeRequest request(MetricSpec spec, double[] baseline, double[] canary) {
        return JudgeRequest.of(List.of(input(spec, baseline, canary)));
    }

    private static MetricInput input(MetricSpec spec, double[] baseline, double[] canary) {
        return new MetricInput(spec, MetricSamples.of(baseline, canary));
    }

    private static double[] logNormal(SplittableRandom random, int n, double median, double sigma) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * Math.exp(sigma * gaussian(random));
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
