package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.ai.anomaly.StreamingDetector;
import io.aidevops.controller.nab.NabCorpus;
import io.aidevops.controller.nab.TimeSeriesCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops detect}. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Score a timestamp,value CSV with a streaming anomaly detector and write "
                + "timestamp,value,anomaly_score (NAB's results format), one row per input row.",
                "Each score uses only the rows before it. Exit 2 with file:line for a malformed row."})
final class DetectCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "The series.")
    Path input;

    @Option(names = "--detector", defaultValue = Detectors.DEFAULT, paramLabel = "NAME",
            description = "The detector: composite, composite-quiet or ewma-z (default: ${DEFAULT-VALUE}).")
    String detector;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        StreamingDetector scorer;
        try {
            scorer = Detectors.create(detector);
        } catch (IllegalArgumentException e) {
            throw new UserException("--detector: " + e.getMessage(), ExitCodes.USAGE);
        }
        TimeSeriesCsv series;
        try {
            series = TimeSeriesCsv.read(context().workingDirectory().resolve(input));
        } catch (NabCorpus.NabFormatException e) {
            throw new UserException(e.getMessage(), ExitCodes.USAGE);
        }
        if (output == null) {
            write(series, scorer, context().out());
            return ExitCodes.OK;
        }
        try (Writer file = Files.newBufferedWriter(context().workingDirectory().resolve(output),
                StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(file)) {
            write(series, scorer, out);
        }
        context().err().println("wrote " + series.rows() + " rows to " + output);
        return ExitCodes.OK;
    }

    private static void write(TimeSeriesCsv series, StreamingDetector scorer, PrintWriter out) {
        out.println("timestamp,value,anomaly_score");
        for (int i = 0; i < series.rows(); i++) {
            double score = scorer.score(series.epochSeconds()[i], series.values()[i]);
            out.println(series.timestamps().get(i) + "," + number(series.values()[i]) + ","
                    + String.format(Locale.ROOT, "%.6f", score));
        }
        out.flush();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
