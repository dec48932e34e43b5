package io.aidevops.controller.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.aidevops.controller.ShownPath;
import io.aidevops.controller.config.AppConfig;
import io.aidevops.controller.diagnostics.DiagnosticBundle;
import io.aidevops.controller.logging.LogSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops diagnostics}. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = {"Write a diagnostic bundle (zip) for a bug report: effective configuration with every secret "
                + "redacted, environment, versions, component health and the recent log.",
                "Prints the bundle's path. Works even when the configuration is invalid."})
final class DiagnosticsCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--full", description = "Also include a thread dump and the Java system properties.")
    boolean full;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the zip (default: <data_dir>/diagnostics/aidevops-diagnostics-<time>.zip).")
    Path output;

    @picocli.CommandLine.Mixin
    FormatOption format;

    /**
     * The answer of {@code diagnostics --format json}.
     *
     * @param path    the bundle, relative to the working folder when inside it
     * @param entries the files in the bundle
     */
    record Written(String path, java.util.List<String> entries) {
    }

    @Override
    public Integer call() throws Exception {
        var attempt = ConfigAttempt.of(root());
        var loaded = attempt.loaded();
        var status = StatusCommand.inspect(attempt, root(), context());
        var dataDir = loaded.map(l -> l.config().app().dataDir())
                .orElse(context().workingDirectory().resolve(AppConfig.DEFAULT_DATA_DIR_NAME));
        var bundle = new DiagnosticBundle(context().clock());
        var target = output != null ? context().workingDirectory().resolve(output)
                : dataDir.resolve("diagnostics").resolve(bundle.fileName());
        var contents = new DiagnosticBundle.Contents(loaded, attempt.problem(), status, context().environment(),
                logFiles(dataDir.resolve("logs")), LogSetup.recent().lines(), full);
        var entries = bundle.write(contents, target);
        var shown = ShownPath.of(context().workingDirectory(), target);
        if (format.json()) {
            Output.json(context().out(), new Written(shown.toString(), entries));
        } else {
            context().out().println(shown);
            context().err().println("Wrote " + entries.size() + " entries; secrets are redacted, but read it before "
                    + "you share it.");
        }
        return ExitCodes.OK;
    }

    private static java.util.List<Path> logFiles(Path logDirectory) throws java.io.IOException {
        if (!Files.isDirectory(logDirectory)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(logDirectory)) {
            // aidevops.log.0 is the newest; older generations first keeps the bundle in time order.
            return files.filter(f -> f.getFileName().toString().startsWith(LogSetup.LOG_FILE)
                            && !f.getFileName().toString().endsWith(".lck"))
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
    }
}
