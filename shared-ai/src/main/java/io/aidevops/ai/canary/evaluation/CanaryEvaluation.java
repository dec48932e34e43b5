package io.aidevops.ai.canary.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.AnalysisDecision;
import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.CanaryJudge;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.RollbackPredictor;
import io.aidevops.ai.canary.SeriesSummary;
import io.aidevops.ai.canary.evaluation.EvaluationReport.Cell;
import io.aidevops.ai.canary.evaluation.EvaluationReport.JudgeReport;
import io.aidevops.ai.canary.evaluation.EvaluationReport.ModeReport;
import io.aidevops.ai.canary.evaluation.EvaluationReport.PowerCurve;
import io.aidevops.ai.canary.evaluation.EvaluationReport.Rate;
import io.aidevops.ai.canary.evaluation.EvaluationReport.TargetCheck;

/**
 * Runs judges over a labelled corpus the way a rollout would, and counts what they get right.
 *
 * <p>Every rollout is judged in three {@link Mode modes}, all through {@link CanaryAnalysis}'s decision rule: once at
 * the end; at every look, stopping at the first rollback; and at every look with the rollback forecast. Without a
 * forecast that rule is Kayenta's multi-interval rule (a look scoring at or below marginal stops the rollout; the last
 * look must reach pass), so a Kayenta-style judge is evaluated as Kayenta would run it. One difference: a look whose
 * metrics all lack data is a grace period in {@link CanaryAnalysis}, where Kayenta would score it 0 and fail.
 */
public final class CanaryEvaluation {

    /** How a rollout is judged. */
    public enum Mode {
        /** One judgment with all of the data at the final look ({@code Look.ONLY}); a rollback happens at look K. */
        END_ONLY("end-only"),
        /** A judgment at every look without a forecast; stop at the first rollback. */
        SEQUENTIAL("sequential"),
        /** A judgment at every look with the rollback forecast; stop at the first rollback, early or not. */
        SEQUENTIAL_PREDICTION("sequential+prediction");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The mode's name in reports. */
        public String label() {
            return label;
        }
    }

    /**
     * A judge under evaluation and its forecast.
     *
     * @param judge the judge
     * @param predictor the forecast for {@link Mode#SEQUENTIAL_PREDICTION}, or null to skip that mode
     * @param note what to know about how it was run (shown in the report), or empty
     */
    public record Contender(CanaryJudge judge, RollbackPredictor predictor, String note) {

        /** Rejects a null judge or note. */
        public Contender {
            Objects.requireNonNull(judge, "judge");
            Objects.requireNonNull(note, "note");
        }

        /**
         * The judge with the forecast that fits it: {@link AdaptiveJudge} with a predictor of its own spending; any
         * other judge without one, because the forecast reads the harm-oriented z statistics and per-look alphas that
         * only {@link AdaptiveJudge}'s evidence carries.
         */
        public static Contender of(CanaryJudge judge) {
            if (judge instanceof AdaptiveJudge adaptive) {
                return new Contender(judge, new RollbackPredictor(adaptive.spending()), "");
            }
            return new Contender(judge, null, "no " + Mode.SEQUENTIAL_PREDICTION.label() + " mode: the forecast reads"
                    + " the per-look evidence of the suite's own judge");
        }

        /** The modes this contender is run in. */
        public List<Mode> modes() {
            return predictor == null ? List.of(Mode.END_ONLY, Mode.SEQUENTIAL) : List.of(Mode.values());
        }
    }

    /**
     * How one rollout ended.
     *
     * @param rolledBack whether it was rolled back
     * @param look the look it stopped at: the rollback's, or the last look when promoted
     * @param early whether the rollback came from the forecast before a judgment failed
     */
    public record Outcome(boolean rolledBack, int look, boolean early) {
    }

    private CanaryEvaluation() {
    }

    /**
     * Evaluates every contender on every rollout of the corpus.
     *
     * @param corpus the labelled rollouts
     * @param contenders the judges
     * @param progress told the per cent of rollouts done (0 to 100) each time it grows; may be null
     */
    public static EvaluationReport evaluate(Corpus corpus, List<Contender> contenders, IntConsumer progress) {
        List<Contender> judges = List.copyOf(contenders);
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one judge");
        }
        List<Map<Mode, Tally>> tallies = new ArrayList<>();
        for (Contender contender : judges) {
            Map<Mode, Tally> byMode = new EnumMap<>(Mode.class);
            contender.modes().forEach(mode -> byMode.put(mode, new Tally()));
            tallies.add(byMode);
        }
        int done = 0;
        int reported = -1;
        int looks = 0;
        for (Scenario scenario : corpus.scenarios()) {
            looks = Math.max(looks, scenario.looks());
            List<JudgeRequest> requests = new ArrayList<>(scenario.looks());
            for (int look = 1; look <= scenario.looks(); look++) {
                requests.add(scenario.request(look));
            }
            for (int i = 0; i < judges.size(); i++) {
                Contender contender = judges.get(i);
                // Sequential runs with and without the forecast judge the same looks: judge each look once.
                CanaryJudge remembering = new RememberingJudge(contender.judge());
                for (Map.Entry<Mode, Tally> entry : tallies.get(i).entrySet()) {
                    Mode mode = entry.getKey();
                    var analysis = new CanaryAnalysis(remembering, mode == Mode.SEQUENTIAL_PREDICTION
                            ? contender.predictor() : null, CanaryAnalysis.DEFAULT_EARLY_ROLLBACK);
                    entry.getValue().add(scenario, run(scenario, analysis, mode, requests));
                }
            }
            done++;
            if (progress != null && corpus.size() > 0) {
                int percent = (int) Math.min(100, 100L * done / corpus.size());
                if (percent > reported) {
                    reported = percent;
                    progress.accept(percent);
                }
            }
        }
        List<JudgeReport> reports = new ArrayList<>();
        for (int i = 0; i < judges.size(); i++) {
            List<ModeReport> modes = new ArrayList<>();
            tallies.get(i).forEach((mode, tally) -> modes.add(tally.report(mode)));
            reports.add(new JudgeReport(judges.get(i).judge().name(), modes, judges.get(i).note()));
        }
        return new EvaluationReport(corpus.description(), corpus.seed(), done, looks, reports, targets(reports));
    }

    /**
     * Judges one rollout in one mode.
     *
     * @param scenario the rollout
     * @param analysis the decision rule with its judge (and forecast, for {@link Mode#SEQUENTIAL_PREDICTION})
     * @param mode how to judge
     */
    public static Outcome run(Scenario scenario, CanaryAnalysis analysis, Mode mode) {
        List<JudgeRequest> requests = new ArrayList<>();
        for (int look = 1; look <= scenario.looks(); look++) {
            requests.add(scenario.request(look));
        }
        return run(scenario, analysis, mode, requests);
    }

    private static Outcome run(Scenario scenario, CanaryAnalysis analysis, Mode mode, List<JudgeRequest> requests) {
        int looks = scenario.looks();
        if (mode == Mode.END_ONLY) {
            AnalysisDecision decision = analysis.decide(scenario.endOnlyRequest());
            boolean rollback = decision instanceof AnalysisDecision.Rollback;
            return new Outcome(rollback, looks, false);
        }
        for (int look = 1; look <= looks; look++) {
            AnalysisDecision decision = analysis.decide(requests.get(look - 1));
            if (decision instanceof AnalysisDecision.Rollback rollback) {
                return new Outcome(true, look, rollback.early());
            }
            if (decision instanceof AnalysisDecision.Promote) {
                return new Outcome(false, look, false);
            }
        }
        throw new IllegalStateException("the final look of " + scenario.id() + " neither promoted nor rolled back");
    }

    /** The product's targets, checked for each judge in each mode that has the figures. */
    static List<TargetCheck> targets(List<JudgeReport> reports) {
        List<TargetCheck> checks = new ArrayList<>();
        for (JudgeReport judge : reports) {
            for (ModeReport mode : judge.modes()) {
                Rate fp = mode.falsePositives();
                if (fp.total() > 0) {
                    checks.add(new TargetCheck(judge.judge(), "false positives <= 1 % of A/A rollouts ("
                            + mode.mode() + ")", percent(fp), fp.rate() <= 0.01));
                }
                Rate latency = pooled(mode, ScenarioFamily.LATENCY_SHIFT, c -> c.effect() >= 1.25
                        && c.pointsPerSide() >= 50);
                if (latency.total() > 0) {
                    checks.add(new TargetCheck(judge.judge(), "detects >= 95 % of latency shifts >= x1.25 with >= 50"
                            + " points per side (" + mode.mode() + ")", percent(latency), latency.rate() >= 0.95));
                }
                Rate errors = pooled(mode, ScenarioFamily.ERROR_FROM_ZERO, c -> c.effect() >= 0.01 - 1e-12);
                if (errors.total() > 0) {
                    checks.add(new TargetCheck(judge.judge(), "detects >= 95 % of error rates from 0 to >= 1 % ("
                            + mode.mode() + ")", percent(errors), errors.rate() >= 0.95));
                }
            }
            ModeReport endOnly = find(judge, Mode.END_ONLY);
            ModeReport sequential = find(judge, Mode.SEQUENTIAL);
            ModeReport predicted = find(judge, Mode.SEQUENTIAL_PREDICTION);
            if (endOnly != null && predicted != null && endOnly.medianLooksToRollback() != null
                    && predicted.medianLooksToRollback() != null) {
                double ratio = predicted.medianLooksToRollback() / endOnly.medianLooksToRollback();
                checks.add(new TargetCheck(judge.judge(), "prediction halves the median time to rollback of bad"
                        + " releases vs end-only", String.format(Locale.ROOT, "%.1f vs %.1f looks (x%.2f)",
                        predicted.medianLooksToRollback(), endOnly.medianLooksToRollback(), ratio), ratio <= 0.5));
            }
            for (ModeReport without : new ModeReport[] {endOnly, sequential}) {
                if (without != null && predicted != null) {
                    Rate with = predicted.falsePositives();
                    checks.add(new TargetCheck(judge.judge(), "no rise in false rollbacks with prediction vs "
                            + without.mode(), percent(with) + " with vs " + percent(without.falsePositives())
                            + " without", with.count() <= without.falsePositives().count()));
                }
            }
        }
        return checks;
    }

    private static ModeReport find(JudgeReport judge, Mode mode) {
        return judge.modes().stream().filter(m -> m.mode().equals(mode.label())).findFirst().orElse(null);
    }

    private static Rate pooled(ModeReport mode, ScenarioFamily family, Predicate<Cell> which) {
        int count = 0;
        int total = 0;
        for (PowerCurve curve : mode.curves()) {
            if (!curve.family().equals(family.name())) {
                continue;
            }
            for (Cell cell : curve.points()) {
                if (cell.effect() != null && which.test(cell)) {
                    count += cell.rollbacks().count();
                    total += cell.rollbacks().total();
                }
            }
        }
        return Rate.of(count, total);
    }

    static String percent(Rate rate) {
        return String.format(Locale.ROOT, "%.2f %% (%d of %d; 95 %% CI %.2f-%.2f %%)", 100 * rate.rate(),
                rate.count(), rate.total(), 100 * rate.lower(), 100 * rate.upper());
    }

    /** Counts of one judge in one mode. */
    private static final class Tally {
        private final Map<ScenarioSpec, CellTally> cells = new LinkedHashMap<>();
        private final Map<ScenarioSpec, Integer> pointsPerSide = new LinkedHashMap<>();

        void add(Scenario scenario, Outcome outcome) {
            cells.computeIfAbsent(scenario.spec(), s -> new CellTally()).add(outcome);
            int points = scenario.looks() * scenario.pointsPerLook()
                    * Math.min(scenario.spec().baselinePods(), scenario.spec().canaryPods());
            pointsPerSide.merge(scenario.spec(), points, Math::min);
        }

        ModeReport report(Mode mode) {
            int[] good = new int[2];
            int[] within = new int[2];
            int[] at = new int[2];
            int[] bad = new int[2];
            int earlyGood = 0;
            int earlyBad = 0;
            var badLooks = new IntList();
            Map<ScenarioFamily, List<Cell>> curves = new EnumMap<>(ScenarioFamily.class);
            for (var entry : cells.entrySet()) {
                ScenarioSpec spec = entry.getKey();
                CellTally tally = entry.getValue();
                int[] counts = switch (spec.category()) {
                    case NO_EFFECT -> good;
                    case WITHIN_TOLERANCE -> within;
                    case AT_TOLERANCE -> at;
                    case BEYOND_TOLERANCE -> bad;
                };
                counts[0] += tally.rollbacks;
                counts[1] += tally.total;
                if (spec.category() == EffectCategory.NO_EFFECT) {
                    earlyGood += tally.early;
                }
                if (spec.shouldFail()) {
                    earlyBad += tally.early;
                    badLooks.addAll(tally.looks);
                }
                double effect = spec.effect();
                curves.computeIfAbsent(spec.family(), f -> new ArrayList<>()).add(new Cell(spec.sizeLabel(),
                        Double.isNaN(effect) ? null : effect, spec.category().name(), spec.shouldFail(),
                        spec.baselinePods() + "/" + spec.canaryPods(), pointsPerSide.get(spec),
                        Rate.of(tally.rollbacks, tally.total), tally.looks.quantile(0.5), tally.looks.quantile(0.9),
                        tally.early));
            }
            List<PowerCurve> result = new ArrayList<>();
            curves.forEach((family, points) -> {
                points.sort(Comparator.comparing((Cell c) -> c.effect() == null ? 0 : c.effect())
                        .thenComparing(Cell::pods));
                double tolerance = family.tolerance();
                result.add(new PowerCurve(family.name(), family.effectMeasure(),
                        Double.isNaN(tolerance) ? null : tolerance, points));
            });
            return new ModeReport(mode.label(), Rate.of(good[0], good[1]), Rate.of(within[0], within[1]),
                    Rate.of(at[0], at[1]), Rate.of(bad[0], bad[1]), badLooks.quantile(0.5), badLooks.quantile(0.9),
                    earlyGood, earlyBad, result);
        }
    }

    /** Counts of one spec. */
    private static final class CellTally {
        private int total;
        private int rollbacks;
        private int early;
        private final IntList looks = new IntList();

        void add(Outcome outcome) {
            total++;
            if (outcome.rolledBack()) {
                rollbacks++;
                looks.add(outcome.look());
                if (outcome.early()) {
                    early++;
                }
            }
        }
    }

    /** A growing list of looks without boxing. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        /** The R-7 quantile, or null if empty. */
        Double quantile(double p) {
            if (size == 0) {
                return null;
            }
            double[] sorted = new double[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = values[i];
            }
            Arrays.sort(sorted);
            return SeriesSummary.quantileOfSorted(sorted, p);
        }
    }

    /**
     * A judge that answers a request it has seen before from memory. The judges are pure functions of the request
     * ({@link CanaryJudge}), so this changes nothing but the time: the two sequential modes judge the same looks.
     */
    private static final class RememberingJudge implements CanaryJudge {
        private final CanaryJudge judge;
        private final Map<JudgeRequest, CanaryVerdict> verdicts = new IdentityHashMap<>();

        RememberingJudge(CanaryJudge judge) {
            this.judge = judge;
        }

        @Override
        public String name() {
            return judge.name();
        }

        @Override
        public CanaryVerdict judge(JudgeRequest request) {
            return verdicts.computeIfAbsent(request, judge::judge);
        }
    }
}
