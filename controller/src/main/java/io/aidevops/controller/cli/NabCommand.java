package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.ai.anomaly.nab.NabProfile;
import io.aidevops.ai.anomaly.nab.NabResult;
import io.aidevops.ai.anomaly.nab.NabScorer;
import io.aidevops.ai.anomaly.nab.NabSeries;
import io.aidevops.controller.nab.NabCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops nab}. */
@Command(name = "nab", mixinStandardHelpOptions = true,
        description = {"Score anomaly detection results with the Numenta Anomaly Benchmark's method (our own scorer, "
                + "written from NAB's specification): the three profiles, at NAB's optimised threshold and at "
                + "--threshold.",
                "--results names a detector's folder in NAB's results format "
                        + "(<category>/<detector>_<file>.csv with timestamp,value,anomaly_score)."})
final class NabCommand extends Subcommand implements Callable<Integer> {

    /** The fixed threshold reported for a results folder, whose detector's own threshold is unknown. */
    private static final double RESULTS_THRESHOLD = 0.9;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The NAB folder holding data/ and labels/combined_windows.json.")
    Path data;

    @Option(names = "--results", paramLabel = "DIR",
            description = "A detector's results folder, e.g. results/numenta (instead of --detector).")
    Path results;

    @Option(names = "--detector", paramLabel = "NAME",
            description = "Run one of the suite's streaming detectors over the corpus (default when --results is "
                    + "not given: " + Detectors.DEFAULT + ").")
    String detector;

    @Option(names = "--threshold", paramLabel = "T",
            description = "The fixed threshold to report beside the optimised one (default: the detector's shipped "
                    + "alarm threshold; " + RESULTS_THRESHOLD + " with --results).")
    Double threshold;

    @Mixin
    FormatOption format;

    /** What the command reports per profile. */
    record Row(String profile, NabResult optimised, NabResult fixed) {
    }

    /** The whole report. */
    record Report(String results, int files, int windows, List<Row> profiles) {
    }

    @Override
    public Integer call() throws Exception {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new UserException("--threshold must be in [0, 1], was " + threshold, ExitCodes.USAGE);
        }
        if (results != null && detector != null) {
            throw new UserException("give --results or --detector, not both", ExitCodes.USAGE);
        }
        String name = detector == null ? Detectors.DEFAULT : detector;
        double fixed = threshold != null ? threshold : RESULTS_THRESHOLD;
        if (results == null) {
            try {
                Detectors.create(name);
                if (threshold == null) {
                    fixed = Detectors.threshold(name);
                }
            } catch (IllegalArgumentException e) {
                throw new UserException("--detector: " + e.getMessage(), ExitCodes.USAGE);
            }
        }
        List<NabSeries> corpus;
        NabCorpus nab;
        try {
            nab = NabCorpus.read(context().workingDirectory().resolve(data));
            if (results != null) {
                corpus = nab.results(context().workingDirectory().resolve(results));
            } else {
                var err = context().err();
                int files = nab.files().size();
                corpus = nab.run(() -> Detectors.create(name), done -> {
                    if (done % 10 == 0 || done == files) {
                        err.print(done + "/" + files + " files ");
                        err.flush();
                    }
                });
                err.println();
            }
        } catch (NabCorpus.NabFormatException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE);
        }
        String scored = results != null ? results.toString() : "detector " + name;
        var rows = new ArrayList<Row>();
        for (NabProfile profile : NabProfile.all()) {
            rows.add(new Row(profile.name(), NabScorer.optimise(corpus, profile),
                    NabScorer.scoreAt(corpus, profile, fixed)));
        }
        var report = new Report(scored, corpus.size(), nab.windowCount(), rows);
        if (format.json()) {
            Output.json(context().out(), report);
        } else {
            var out = context().out();
            out.printf(Locale.ROOT, "NAB score of %s: %d files, %d windows%n", scored, corpus.size(),
                    nab.windowCount());
            out.printf(Locale.ROOT, "  %-20s %9s %14s %5s %6s   %9s %9s %5s %6s%n", "PROFILE", "OPTIMISED",
                    "AT THRESHOLD", "TP", "FP", "FIXED", "AT", "TP", "FP");
            for (Row row : rows) {
                out.printf(Locale.ROOT, "  %-20s %9.2f %14.6f %5d %6d   %9.2f %9.3f %5d %6d%n", row.profile(),
                        row.optimised().normalized(), row.optimised().threshold(),
                        row.optimised().detectedWindows(), row.optimised().falsePositives(),
                        row.fixed().normalized(), fixed, row.fixed().detectedWindows(),
                        row.fixed().falsePositives());
            }
        }
        return ExitCodes.OK;
    }
}
