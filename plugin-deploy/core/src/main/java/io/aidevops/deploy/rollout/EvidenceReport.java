package io.aidevops.deploy.rollout;

import java.util.Locale;

/**
 * Renders a rollout's evidence for people and machines: every look, every metric with its values, each test with
 * its statistic, level, effect and tolerance, and the final decision with its reason. The three forms show the same
 * stored state; none recomputes anything.
 */
public final class EvidenceReport {

    private EvidenceReport() {
    }

    /** The state as JSON, the form the CLI's {@code --format json} and the REST API return. */
    public static String json(RolloutState state) {
        return RolloutJson.write(state);
    }

    /** A plain-text report: a summary and one table per look. */
    public static String text(RolloutState state) {
        var out = new StringBuilder();
        CanarySpec spec = state.spec();
        out.append(String.format(Locale.ROOT, "Canary %s/%s: %s -> %s%n", spec.namespace(), spec.deployment(),
                nullToDash(state.previousImage()), spec.image()));
        out.append(String.format(Locale.ROOT, "  phase     %s (attempt %d)%n", state.phase(), state.attempt()));
        out.append(String.format(Locale.ROOT, "  status    %s%n", state.message()));
        if (!state.outcome().isEmpty()) {
            out.append(String.format(Locale.ROOT, "  outcome   %s%n", state.outcome()));
        }
        for (String warning : state.warnings()) {
            out.append(String.format(Locale.ROOT, "  warning   %s%n", warning));
        }
        for (LookRecord look : state.looks()) {
            out.append(System.lineSeparator());
            out.append(String.format(Locale.ROOT, "Look %d of %d at %s (data since %s): %s, score %s -> %s%n",
                    look.look(), look.of(), look.at(), look.windowStart(), look.verdict(), number(look.score()),
                    look.decision()));
            out.append(String.format(Locale.ROOT, "  %s%n", look.reason()));
            out.append(String.format(Locale.ROOT, "  %-14s %-7s %6s %11s %11s %6s %11s %11s  %s%n", "METRIC",
                    "RESULT", "N(B)", "MEAN(B)", "P95(B)", "N(C)", "MEAN(C)", "P95(C)", "DECIDING TEST"));
            for (LookRecord.MetricLine metric : look.metrics()) {
                out.append(String.format(Locale.ROOT, "  %-14s %-7s %6d %11s %11s %6d %11s %11s  %s%n",
                        metric.name(), metric.classification(), metric.baselineCount(), number(metric.baselineMean()),
                        number(metric.baselineP95()), metric.canaryCount(), number(metric.canaryMean()),
                        number(metric.canaryP95()), metric.reason()));
            }
            for (String warning : look.warnings()) {
                out.append(String.format(Locale.ROOT, "  note: %s%n", warning));
            }
        }
        return out.toString();
    }

    /** A self-contained HTML page of the same content, for a Jenkins build artifact or a browser. */
    public static String html(RolloutState state) {
        var out = new StringBuilder();
        CanarySpec spec = state.spec();
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Canary ")
                .append(escape(spec.namespace() + "/" + spec.deployment())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".PASS{background:#e6f4ea}.HIGH,.LOW{background:#fce8e6}.NODATA{background:#f1f3f4}")
                .append("</style></head><body>");
        out.append("<h1>Canary ").append(escape(spec.namespace() + "/" + spec.deployment())).append("</h1>");
        out.append("<p>").append(escape(nullToDash(state.previousImage()))).append(" &rarr; ")
                .append(escape(spec.image())).append("</p>");
        out.append("<p><b>").append(state.phase()).append("</b>: ").append(escape(state.outcome().isEmpty()
                ? state.message() : state.outcome())).append("</p>");
        if (!state.warnings().isEmpty()) {
            out.append("<ul>");
            state.warnings().forEach(w -> out.append("<li>").append(escape(w)).append("</li>"));
            out.append("</ul>");
        }
        for (LookRecord look : state.looks()) {
            out.append("<h2>Look ").append(look.look()).append(" of ").append(look.of()).append(": ")
                    .append(look.verdict()).append(", score ").append(number(look.score())).append(" &rarr; ")
                    .append(escape(look.decision())).append("</h2><p>").append(escape(look.reason())).append("</p>");
            out.append("<table><tr><th>metric</th><th>result</th><th>baseline n / mean / p95</th>")
                    .append("<th>canary n / mean / p95</th><th>tests</th></tr>");
            for (LookRecord.MetricLine metric : look.metrics()) {
                out.append("<tr class=\"").append(metric.classification()).append("\"><td>")
                        .append(escape(metric.name())).append("</td><td>").append(metric.classification())
                        .append("<br>").append(escape(metric.reason())).append("</td><td>")
                        .append(metric.baselineCount()).append(" / ").append(number(metric.baselineMean()))
                        .append(" / ").append(number(metric.baselineP95())).append("</td><td>")
                        .append(metric.canaryCount()).append(" / ").append(number(metric.canaryMean()))
                        .append(" / ").append(number(metric.canaryP95())).append("</td><td>");
                for (LookRecord.TestLine test : metric.tests()) {
                    out.append(escape(String.format(Locale.ROOT, "%s: z %.2f, p %.2g (alpha %.2g), %s %s vs %s%s",
                            test.test(), test.statistic(), test.pValue(), test.alpha(), test.effectMeasure(),
                            number(test.estimate()), number(test.tolerance()), test.flagged() ? " FLAGGED" : "")))
                            .append("<br>");
                }
                out.append("<small>").append(escape(metric.source())).append("</small></td></tr>");
            }
            out.append("</table>");
        }
        return out.append("</body></html>").toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 0.01 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
