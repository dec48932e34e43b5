package io.aidevops.ai.canary.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * What an evaluation found: per judge and mode, false positives on A/A rollouts, detection per family and effect
 * size, and time to rollback. Plain records of numbers, strings and lists, so they serialise to JSON as they are;
 * undefined figures (a median of no rollbacks, the effect of A/A) are null rather than NaN.
 *
 * @param corpus what was judged, in words
 * @param seed the corpus's seed
 * @param rollouts rollouts in the corpus
 * @param looks planned looks per rollout
 * @param judges one report per judge, in the order given
 * @param targets the product's targets, checked for each judge
 */
public record EvaluationReport(String corpus, long seed, int rollouts, int looks, List<JudgeReport> judges,
        List<TargetCheck> targets) {

    /** Copies the lists. */
    public EvaluationReport {
        Objects.requireNonNull(corpus, "corpus");
        judges = List.copyOf(judges);
        targets = List.copyOf(targets);
    }

    /** The report of the judge named {@code name}. */
    public JudgeReport judge(String name) {
        return judges.stream().filter(j -> j.judge().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no judge named " + name));
    }

    /**
     * One judge's results.
     *
     * @param judge the judge's name
     * @param modes one report per mode the judge was run in
     * @param note what to know when reading it (for example why a mode is missing), or empty
     */
    public record JudgeReport(String judge, List<ModeReport> modes, String note) {

        /** Copies the list. */
        public JudgeReport {
            Objects.requireNonNull(judge, "judge");
            modes = List.copyOf(modes);
            Objects.requireNonNull(note, "note");
        }

        /** The report of mode {@code mode} ({@link CanaryEvaluation.Mode#label()}). */
        public ModeReport mode(String mode) {
            return modes.stream().filter(m -> m.mode().equals(mode)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(judge + " was not run " + mode));
        }
    }

    /**
     * One judge in one mode.
     *
     * @param mode how the rollouts were judged ({@link CanaryEvaluation.Mode#label()})
     * @param falsePositives rollbacks of A/A rollouts, per full rollout
     * @param withinTolerance rollbacks of rollouts whose effect is below the tolerance (labelled good)
     * @param atTolerance rollbacks of rollouts whose effect is exactly at the tolerance (labelled good)
     * @param detection rollbacks of rollouts that should fail (all bad families and sizes together)
     * @param medianLooksToRollback median look at which bad rollouts that were rolled back stopped (null if none)
     * @param p90LooksToRollback 90th percentile of the same (null if none)
     * @param earlyRollbacksOfGood A/A rollouts rolled back by the forecast before a judgment failed
     * @param earlyRollbacksOfBad bad rollouts rolled back by the forecast before a judgment failed
     * @param curves detection against effect size, one curve per family (A/A first)
     */
    public record ModeReport(String mode, Rate falsePositives, Rate withinTolerance, Rate atTolerance, Rate detection,
            Double medianLooksToRollback, Double p90LooksToRollback, int earlyRollbacksOfGood, int earlyRollbacksOfBad,
            List<PowerCurve> curves) {

        /** Copies the list. */
        public ModeReport {
            Objects.requireNonNull(mode, "mode");
            curves = List.copyOf(curves);
        }

        /** The curve of {@code family}. */
        public PowerCurve curve(ScenarioFamily family) {
            return curves.stream().filter(c -> c.family().equals(family.name())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario of family " + family));
        }
    }

    /**
     * Rollback rate against effect size for one family.
     *
     * @param family the family's name ({@link ScenarioFamily#name()})
     * @param effectMeasure what the effects measure
     * @param tolerance the tolerance the labels use (null for A/A)
     * @param points one point per size and pod layout, by effect
     */
    public record PowerCurve(String family, String effectMeasure, Double tolerance, List<Cell> points) {

        /** Copies the list. */
        public PowerCurve {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(effectMeasure, "effectMeasure");
            points = List.copyOf(points);
        }

        /** The point of size {@code sizeLabel} ({@link ScenarioSpec#sizeLabel()}); the first if pods differ. */
        public Cell point(String sizeLabel) {
            return points.stream().filter(p -> p.size().equals(sizeLabel)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(family + " has no size " + sizeLabel));
        }
    }

    /**
     * The rollouts of one spec.
     *
     * @param size the size in words ({@link ScenarioSpec#sizeLabel()})
     * @param effect the effect in the family's measure (null for A/A)
     * @param category where the effect lies against the tolerance ({@link EffectCategory#name()})
     * @param shouldFail the label
     * @param pods baseline and canary pods, for example {@code 2/2}
     * @param pointsPerSide the fewest points per side at the final look, missing scrapes included
     * @param rollbacks rollouts rolled back
     * @param medianLooksToRollback median look of those rollbacks (null if none)
     * @param p90LooksToRollback 90th percentile of it (null if none)
     * @param earlyRollbacks rollbacks made by the forecast
     */
    public record Cell(String size, Double effect, String category, boolean shouldFail, String pods,
            int pointsPerSide, Rate rollbacks, Double medianLooksToRollback, Double p90LooksToRollback,
            int earlyRollbacks) {
    }

    /**
     * A share with its 95 % Wilson score interval.
     *
     * @param count events
     * @param total trials
     * @param rate count / total (0 when there are no trials)
     * @param lower lower bound of the interval
     * @param upper upper bound of the interval
     */
    public record Rate(int count, int total, double rate, double lower, double upper) {

        /** z of a two-sided 95 % interval. */
        private static final double Z = 1.959963984540054;

        /** {@code count} of {@code total} with its Wilson interval; [0, 1] when there are no trials. */
        public static Rate of(int count, int total) {
            if (count < 0 || count > total) {
                throw new IllegalArgumentException("a rate needs 0 <= count <= total, but is " + count + " of "
                        + total);
            }
            if (total == 0) {
                return new Rate(0, 0, 0, 0, 1);
            }
            double p = (double) count / total;
            double z2 = Z * Z;
            double centre = (p + z2 / (2 * total)) / (1 + z2 / total);
            double half = Z / (1 + z2 / total) * Math.sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
            return new Rate(count, total, p, Math.max(0, centre - half), Math.min(1, centre + half));
        }
    }

    /**
     * One of the product's targets for one judge.
     *
     * @param judge the judge's name
     * @param target the target in words
     * @param figure what was measured
     * @param met whether the figure meets the target
     */
    public record TargetCheck(String judge, String target, String figure, boolean met) {
    }
}
