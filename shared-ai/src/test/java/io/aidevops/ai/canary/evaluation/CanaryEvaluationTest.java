package io.aidevops.ai.canary.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.CanaryJudge;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.Classification;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricResult;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.ai.canary.SeriesSummary;
import io.aidevops.ai.canary.Verdict;
import io.aidevops.ai.canary.evaluation.CanaryEvaluation.Contender;
import io.aidevops.ai.canary.evaluation.CanaryEvaluation.Mode;
import io.aidevops.ai.canary.evaluation.EvaluationReport.ModeReport;
import io.aidevops.ai.canary.evaluation.EvaluationReport.Rate;
import org.junit.jupiter.api.Test;

class CanaryEvaluationTest {

    private static final MetricSpec LATENCY = MetricSpec.of("latency", MetricKind.LATENCY);

    @Test
    void wilsonIntervalsMatchTheTextbook() {
        Rate none = Rate.of(0, 10);
        assertThat(none.rate()).isZero();
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.2775, within(1e-4));
        Rate half = Rate.of(5, 10);
        assertThat(half.lower()).isCloseTo(0.2366, within(1e-4));
        assertThat(half.upper()).isCloseTo(0.7634, within(1e-4));
        assertThat(Rate.of(0, 0)).isEqualTo(new Rate(0, 0, 0, 0, 1));
    }

    @Test
    void countsRollbacksPerCategoryModeAndLook() {
        // Canary latency per look: the fake judge fails a look whose canary mean exceeds 150 (score 0) and calls
        // one above 120 marginal (score 80): sequential runs stop at the first failing look, end-only runs see all.
        List<Scenario> corpus = new ArrayList<>();
        corpus.add(scenario(ScenarioSpec.aa(1, 1), "aa-1", 100, 100, 100));
        corpus.add(scenario(ScenarioSpec.aa(1, 1), "aa-2", 100, 100, 100));
        corpus.add(scenario(ScenarioSpec.aa(1, 1), "aa-3", 100, 160, 100));
        corpus.add(scenario(ScenarioSpec.aa(1, 1), "aa-4", 190, 80, 70));
        corpus.add(scenario(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 1.05, 1, 1), "small", 100, 100, 130));
        corpus.add(scenario(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 1.1, 1, 1), "at", 100, 100, 100));
        corpus.add(scenario(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 2, 1, 1), "bad-early", 200, 200, 200));
        corpus.add(scenario(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 2, 1, 1), "bad-late", 100, 100, 300));
        corpus.add(scenario(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 2, 1, 1), "bad-missed", 100, 100, 100));

        EvaluationReport report = CanaryEvaluation.evaluate(Corpus.of("hand-made", corpus),
                List.of(new Contender(new MeanJudge(), null, "")), null);

        assertThat(report.rollouts()).isEqualTo(9);
        assertThat(report.looks()).isEqualTo(3);
        assertThat(report.judges()).singleElement().satisfies(j -> {
            assertThat(j.judge()).isEqualTo("mean");
            assertThat(j.modes()).extracting(ModeReport::mode).containsExactly("end-only", "sequential");
        });
        ModeReport endOnly = report.judge("mean").mode("end-only");
        // End-only judges the whole mean: aa-3 (120) is marginal and fails the final look; aa-4 (113) passes.
        assertThat(endOnly.falsePositives()).isEqualTo(Rate.of(1, 4));
        assertThat(endOnly.withinTolerance()).isEqualTo(Rate.of(0, 1));
        assertThat(endOnly.atTolerance()).isEqualTo(Rate.of(0, 1));
        assertThat(endOnly.detection()).isEqualTo(Rate.of(2, 3));
        assertThat(endOnly.medianLooksToRollback()).isEqualTo(3.0);

        ModeReport sequential = report.judge("mean").mode("sequential");
        // aa-3 is marginal at look 2 (130, continue) and at the end (120, roll back at 3); aa-4 fails look 1 (190).
        assertThat(sequential.falsePositives()).isEqualTo(Rate.of(2, 4));
        assertThat(sequential.withinTolerance()).isEqualTo(Rate.of(0, 1));
        assertThat(sequential.detection()).isEqualTo(Rate.of(2, 3));
        // bad-early fails at look 1, bad-late at the final look (mean 166.7).
        assertThat(sequential.medianLooksToRollback()).isEqualTo(2.0);
        assertThat(sequential.p90LooksToRollback()).isCloseTo(2.8, within(1e-9));
        assertThat(sequential.curve(ScenarioFamily.LATENCY_SHIFT).point("x2").rollbacks()).isEqualTo(Rate.of(2, 3));
        assertThat(sequential.curve(ScenarioFamily.LATENCY_SHIFT).point("x2").shouldFail()).isTrue();
        assertThat(sequential.curve(ScenarioFamily.LATENCY_SHIFT).points()).extracting(c -> c.size())
                .containsExactly("x1.05", "x1.1", "x2");
        assertThat(sequential.curve(ScenarioFamily.NONE).point("-").effect()).isNull();
        assertThat(sequential.curve(ScenarioFamily.NONE).point("-").pointsPerSide()).isEqualTo(6);
    }

    @Test
    void withoutAForecastTheRuleIsKayentasMarginalContinuesAndTheEndNeedsPass() {
        var analysis = new CanaryAnalysis(new MeanJudge(), null, CanaryAnalysis.DEFAULT_EARLY_ROLLBACK);
        // 130 is marginal at every look: a Kayenta run continues through it, but fails the final look (< pass).
        Scenario marginal = scenario(ScenarioSpec.aa(1, 1), "m", 130, 130, 130);
        assertThat(CanaryEvaluation.run(marginal, analysis, Mode.SEQUENTIAL))
                .isEqualTo(new CanaryEvaluation.Outcome(true, 3, false));
        // 200 fails at the first look: stop there.
        Scenario failing = scenario(ScenarioSpec.aa(1, 1), "f", 200, 100, 100);
        assertThat(CanaryEvaluation.run(failing, analysis, Mode.SEQUENTIAL))
                .isEqualTo(new CanaryEvaluation.Outcome(true, 1, false));
        // End-only judges the mean of all (133): marginal, so a rollback, reported at the last look.
        assertThat(CanaryEvaluation.run(failing, analysis, Mode.END_ONLY))
                .isEqualTo(new CanaryEvaluation.Outcome(true, 3, false));
        Scenario passing = scenario(ScenarioSpec.aa(1, 1), "p", 100, 100, 100);
        assertThat(CanaryEvaluation.run(passing, analysis, Mode.SEQUENTIAL))
                .isEqualTo(new CanaryEvaluation.Outcome(false, 3, false));
    }

    @Test
    void badRolloutsStopAtTheFirstLookWhileEndOnlyWaitsForTheLast() {
        var generator = new ScenarioGenerator(GeneratorSettings.DEFAULT, 11);
        List<Scenario> corpus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            corpus.add(generator.generate(new ScenarioSpec(ScenarioFamily.LATENCY_SHIFT, 2, 2, 2), i));
        }
        EvaluationReport report = CanaryEvaluation.evaluate(Corpus.of("x2", corpus),
                List.of(Contender.of(new AdaptiveJudge())), null);
        ModeReport predicted = report.judge("aidevops").mode("sequential+prediction");
        assertThat(predicted.detection()).isEqualTo(Rate.of(10, 10));
        assertThat(predicted.medianLooksToRollback()).isEqualTo(1.0);
        ModeReport endOnly = report.judge("aidevops").mode("end-only");
        assertThat(endOnly.medianLooksToRollback()).isEqualTo(5.0);
        assertThat(endOnly.earlyRollbacksOfBad()).isZero();
        assertThat(report.targets()).anySatisfy(t -> {
            assertThat(t.target()).startsWith("prediction halves");
            assertThat(t.met()).isTrue();
        });
    }

    @Test
    void theAdaptiveJudgeCatchesErrorsOnAZeroBaselineThatKayentaPasses() {
        // About 200 rollouts: A/A, and errors from 0 to 1 and to 5 percentage points at 4 requests per second per
        // pod: a 1 % error rate gives some 24 canary errors in five minutes, but most 10 s points have none, so
        // Kayenta's ranks see mostly ties.
        var settings = GeneratorSettings.DEFAULT.withNoise(NoiseModel.REALISTIC.withTraffic(4, 4));
        var generator = new ScenarioGenerator(settings, 2026);
        var plan = List.of(new Corpus.Entry(ScenarioSpec.aa(2, 2), 80),
                new Corpus.Entry(new ScenarioSpec(ScenarioFamily.ERROR_FROM_ZERO, 0.01, 2, 2), 60),
                new Corpus.Entry(new ScenarioSpec(ScenarioFamily.ERROR_FROM_ZERO, 0.05, 2, 2), 60));
        var percents = new ArrayList<Integer>();
        EvaluationReport report = CanaryEvaluation.evaluate(Corpus.generated(generator, plan, 2026, "errors"),
                List.of(Contender.of(new AdaptiveJudge()), Contender.of(new KayentaJudge())), percents::add);

        assertThat(report.rollouts()).isEqualTo(200);
        assertThat(percents).startsWith(0).endsWith(100).isSorted();
        for (String mode : List.of("end-only", "sequential", "sequential+prediction")) {
            ModeReport ours = report.judge("aidevops").mode(mode);
            assertThat(ours.curve(ScenarioFamily.ERROR_FROM_ZERO).point("+1pp").rollbacks().rate()).as(mode)
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(ours.curve(ScenarioFamily.ERROR_FROM_ZERO).point("+5pp").rollbacks().rate()).as(mode)
                    .isEqualTo(1.0);
            assertThat(ours.falsePositives().rate()).as(mode).isLessThanOrEqualTo(0.025);
        }
        ModeReport kayenta = report.judge("kayenta").mode("end-only");
        assertThat(kayenta.curve(ScenarioFamily.ERROR_FROM_ZERO).point("+1pp").rollbacks().rate())
                .isLessThanOrEqualTo(0.5);
        assertThat(report.judge("kayenta").modes()).extracting(ModeReport::mode)
                .containsExactly("end-only", "sequential");
        assertThat(report.judge("kayenta").note()).contains("no sequential+prediction");
    }

    @Test
    void theStandardBenchmarkIsReproducibleAndRenders() {
        assertThat(CanaryBenchmark.plan(10)).hasSize(2 + 5 + 5 + 4 + 4 + 4 + 2 + 3 + 3);
        assertThat(CanaryBenchmark.plan(10).get(0).rollouts()).isEqualTo(30);
        assertThat(CanaryBenchmark.plan(10).stream().mapToInt(Corpus.Entry::rollouts).sum()).isEqualTo(50 + 300);
        EvaluationReport first = CanaryBenchmark.run(1, 5, List.of(new AdaptiveJudge()), null);
        EvaluationReport second = CanaryBenchmark.run(1, 5, List.of(new AdaptiveJudge()), null);
        assertThat(second).isEqualTo(first);
        assertThat(first.rollouts()).isEqualTo(35);
        assertThat(first.seed()).isEqualTo(5);
        String text = EvaluationText.render(first);
        assertThat(text).contains("Canary judge evaluation", "aidevops", "sequential+prediction", "LATENCY_SHIFT",
                "x1.25 *", "Targets", "false positives <= 1 %");
    }

    /** A scenario with one latency metric whose canary sits at {@code levels[look]} and baseline at 100. */
    private static Scenario scenario(ScenarioSpec spec, String id, double... levels) {
        int pointsPerLook = 2;
        double[] baseline = new double[levels.length * pointsPerLook];
        double[] canary = new double[baseline.length];
        Arrays.fill(baseline, 100);
        for (int look = 0; look < levels.length; look++) {
            Arrays.fill(canary, look * pointsPerLook, (look + 1) * pointsPerLook, levels[look]);
        }
        var series = new MetricSeries(LATENCY, new double[][] {baseline}, new double[][] {canary}, null, null);
        return new Scenario(id, spec, levels.length, pointsPerLook, List.of(series));
    }

    /** Fails (score 0) when the canary's mean exceeds 150, is marginal (80) above 115, else passes (100). */
    private static final class MeanJudge implements CanaryJudge {
        @Override
        public String name() {
            return "mean";
        }

        @Override
        public CanaryVerdict judge(JudgeRequest request) {
            double mean = Arrays.stream(request.metrics().get(0).samples().canary()).average().orElseThrow();
            double score = mean > 150 ? 0 : mean > 115 ? 80 : 100;
            Verdict verdict = request.thresholds().verdictFor(score);
            var summary = SeriesSummary.of(request.metrics().get(0).samples().canary());
            var result = new MetricResult(LATENCY, score == 100 ? Classification.PASS : Classification.HIGH,
                    "mean " + mean, List.of(), summary, summary);
            return new CanaryVerdict(name(), verdict, score, "mean " + mean, List.of(result), request.look(),
                    List.of());
        }
    }
}
