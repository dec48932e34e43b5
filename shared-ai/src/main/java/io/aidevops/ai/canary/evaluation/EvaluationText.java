package io.aidevops.ai.canary.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aidevops.ai.canary.evaluation.EvaluationReport.Cell;
import io.aidevops.ai.canary.evaluation.EvaluationReport.JudgeReport;
import io.aidevops.ai.canary.evaluation.EvaluationReport.ModeReport;
import io.aidevops.ai.canary.evaluation.EvaluationReport.PowerCurve;
import io.aidevops.ai.canary.evaluation.EvaluationReport.Rate;
import io.aidevops.ai.canary.evaluation.EvaluationReport.TargetCheck;

/** Renders an {@link EvaluationReport} as plain-text tables for a terminal or a build log. */
public final class EvaluationText {

    private EvaluationText() {
    }

    /** The whole report: a summary per judge and mode, the power curves side by side, and the targets. */
    public static String render(EvaluationReport report) {
        var out = new StringBuilder();
        out.append("Canary judge evaluation: ").append(report.corpus()).append('\n');
        out.append(String.format(Locale.ROOT, "seed %d, %d rollouts, %d looks each%n%n", report.seed(),
                report.rollouts(), report.looks()));

        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"judge", "mode", "false pos. (A/A)", "95 % CI", "within tol.", "at tol.",
                "detected (bad)", "looks to rollback med/p90", "early rollbacks good/bad"});
        for (JudgeReport judge : report.judges()) {
            for (ModeReport mode : judge.modes()) {
                summary.add(new String[] {judge.judge(), mode.mode(), share(mode.falsePositives()),
                        interval(mode.falsePositives()), share(mode.withinTolerance()), share(mode.atTolerance()),
                        share(mode.detection()), looks(mode.medianLooksToRollback()) + " / "
                        + looks(mode.p90LooksToRollback()), mode.earlyRollbacksOfGood() + " / "
                        + mode.earlyRollbacksOfBad()});
            }
        }
        table(out, summary);
        for (JudgeReport judge : report.judges()) {
            if (!judge.note().isEmpty()) {
                out.append("note: ").append(judge.judge()).append(": ").append(judge.note()).append('\n');
            }
        }

        out.append("\nRollback rate per family and effect size (power curves; * = labelled should-fail; looks ="
                + " median look of the rollbacks)\n");
        List<String[]> curves = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("family", "size", "effect", "pods", "pts/side"));
        for (JudgeReport judge : report.judges()) {
            for (ModeReport mode : judge.modes()) {
                header.add(judge.judge() + " " + mode.mode());
            }
        }
        curves.add(header.toArray(String[]::new));
        ModeReport first = report.judges().isEmpty() || report.judges().get(0).modes().isEmpty() ? null
                : report.judges().get(0).modes().get(0);
        if (first != null) {
            for (int c = 0; c < first.curves().size(); c++) {
                PowerCurve curve = first.curves().get(c);
                for (int p = 0; p < curve.points().size(); p++) {
                    Cell cell = curve.points().get(p);
                    List<String> row = new ArrayList<>(List.of(p == 0 ? curve.family() : "",
                            cell.size() + (cell.shouldFail() ? " *" : ""), cell.effect() == null ? "-"
                            : String.format(Locale.ROOT, "%.4g", cell.effect()), cell.pods(),
                            String.valueOf(cell.pointsPerSide())));
                    for (JudgeReport judge : report.judges()) {
                        for (ModeReport mode : judge.modes()) {
                            Cell same = mode.curves().get(c).points().get(p);
                            row.add(share(same.rollbacks()) + (same.medianLooksToRollback() == null ? ""
                                    : " @" + looks(same.medianLooksToRollback())));
                        }
                    }
                    curves.add(row.toArray(String[]::new));
                }
            }
        }
        table(out, curves);

        if (!report.targets().isEmpty()) {
            out.append("\nTargets\n");
            List<String[]> targets = new ArrayList<>();
            targets.add(new String[] {"judge", "target", "measured", "met"});
            for (TargetCheck check : report.targets()) {
                targets.add(new String[] {check.judge(), check.target(), check.figure(), check.met() ? "yes" : "NO"});
            }
            table(out, targets);
        }
        return out.toString();
    }

    private static String share(Rate rate) {
        return rate.total() == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * rate.rate());
    }

    private static String interval(Rate rate) {
        return rate.total() == 0 ? "-" : String.format(Locale.ROOT, "%.2f-%.2f %%", 100 * rate.lower(),
                100 * rate.upper());
    }

    private static String looks(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Left-aligned columns, two spaces apart, a rule under the header. */
    private static void table(StringBuilder out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            var line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * (columns - 1))).append('\n');
            }
        }
    }
}
