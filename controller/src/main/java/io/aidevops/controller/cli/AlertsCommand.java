package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.controller.monitor.MonitorFolder;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.CorrelatedSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aidevops alerts}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Show the alerts the monitor raised (aidevops start and aidevops demo write them to the data "
                + "directory): the open ones, newest first, or one alert with its evidence.",
                "Reads the alert journal only: works whether or not the service runs."})
final class AlertsCommand extends Subcommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FINGERPRINT", description = "Show this alert in full.")
    String fingerprint;

    @Option(names = "--all", description = "Resolved alerts too.")
    boolean all;

    @Option(names = "--demo", description = "The alerts of the last aidevops demo instead of the service's.")
    boolean demo;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        var dataDir = root().loadConfig().config().app().dataDir();
        var folder = demo ? MonitorFolder.demo(dataDir) : MonitorFolder.service(dataDir);
        AlertJournal journal = AlertJournal.read(folder);
        journal.unreadableLines().forEach(problem -> context().err().println("warning: " + problem));
        var out = context().out();
        if (fingerprint != null) {
            var entry = journal.all().stream().filter(e -> e.alert().fingerprint().startsWith(fingerprint))
                    .toList();
            if (entry.size() != 1) {
                throw new UserException(entry.isEmpty() ? "no alert " + fingerprint + " in "
                        + Cli.shown(context(), journal.file())
                        : "'" + fingerprint + "' is the start of " + entry.size() + " fingerprints; give more of it",
                        ExitCodes.USAGE);
            }
            if (format.json()) {
                Output.json(out, entry.get(0));
            } else {
                printOne(entry.get(0), out);
            }
            return ExitCodes.OK;
        }
        List<AlertJournal.Entry> entries = all ? journal.all() : journal.open();
        if (format.json()) {
            Output.json(out, entries);
            return ExitCodes.OK;
        }
        if (entries.isEmpty()) {
            out.println(all ? "no alerts in " + Cli.shown(context(), journal.file())
                    : "no open alerts (--all shows resolved ones too)");
            return ExitCodes.OK;
        }
        printTable(entries, out, context().clock().instant());
        return ExitCodes.OK;
    }

    static void printTable(List<AlertJournal.Entry> entries, PrintWriter out, Instant now) {
        out.printf("%-10s %-8s %-9s %-20s %-28s %s%n", "ALERT", "SEVERITY", "STATE", "KIND", "WORKLOAD", "TITLE");
        for (var entry : entries) {
            Alert alert = entry.alert();
            out.printf("%-10s %-8s %-9s %-20s %-28s %s%n", alert.fingerprint().substring(0, 10),
                    alert.severity().name().toLowerCase(Locale.ROOT), entry.open() ? "open" : "resolved",
                    alert.kind().code(), alert.namespace() + "/" + alert.workload(), alert.title());
        }
        out.println("aidevops alerts FINGERPRINT shows one with its evidence");
    }

    static void printOne(AlertJournal.Entry entry, PrintWriter out) {
        Alert alert = entry.alert();
        out.println(alert.title());
        out.println("  fingerprint  " + alert.fingerprint());
        out.println("  kind         " + alert.kind().code() + ", " + alert.severity().name().toLowerCase(Locale.ROOT));
        out.println("  workload     " + alert.namespace() + "/" + alert.workload());
        out.println("  raised       " + entry.raisedAt() + (entry.open() ? " (open)" : ", resolved "
                + entry.resolvedAt() + " after " + words(Duration.between(entry.raisedAt(), entry.resolvedAt()))));
        out.println("  summary      " + alert.summary());
        var evidence = alert.evidence();
        if (evidence.series() != null) {
            out.printf(Locale.ROOT, "  series       %s, score %.4f%n", evidence.series(), evidence.score());
        }
        if (evidence.explanation() != null) {
            out.println("  why          " + evidence.explanation());
        }
        if (!evidence.recentValues().isEmpty()) {
            out.println("  recent       " + evidence.recentValues().stream()
                    .map(v -> String.format(Locale.ROOT, "%.4g", v)).reduce((a, b) -> a + " " + b).orElse(""));
        }
        if (evidence.forecast() != null) {
            out.println("  forecast     " + evidence.forecast().summary());
        }
        for (CorrelatedSignal signal : evidence.correlatedSignals()) {
            out.printf(Locale.ROOT, "  related      %s (%.2f): %s%n", signal.signal(), signal.strength(),
                    signal.summary());
        }
        for (String observation : evidence.observations()) {
            out.println("  observed     " + observation);
        }
    }

    private static String words(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
