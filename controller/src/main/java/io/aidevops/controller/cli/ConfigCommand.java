package io.aidevops.controller.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.aidevops.controller.config.ConfigException;
import io.aidevops.controller.config.ConfigProblem;
import io.aidevops.controller.config.LoadedConfig;

import io.aidevops.controller.config.ConfigRenderer;
import picocli.CommandLine.Command;

/** {@code aidevops config validate|show}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check or show the configuration.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Show.class})
final class ConfigCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        spec.commandLine().usage(context().out());
    }

    /** {@code aidevops config validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Load the configuration and report every problem, each with file, line and key.",
                    "Exit 0 when valid, 2 when not."})
    static final class Validate extends Subcommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        FormatOption format;

        /**
         * The answer of {@code config validate --format json}.
         *
         * @param valid    whether the configuration loads
         * @param sources  the files read, empty for the built-in defaults
         * @param problems every problem, in file order
         */
        record Verdict(boolean valid, List<String> sources, List<ConfigProblem> problems) {
        }

        @Override
        public Integer call() throws Exception {
            var attempt = ConfigAttempt.of(root());
            if (format.json()) {
                var files = attempt.loaded().map(LoadedConfig::files)
                        .or(() -> attempt.problem().map(ConfigException::files)).orElse(List.of());
                var sources = files.stream().map(Object::toString).toList();
                var problems = attempt.problem().map(ConfigException::problems).orElse(List.of());
                Output.json(context().out(), new Verdict(problems.isEmpty(), sources, problems));
                return problems.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
            }
            if (attempt.problem().isPresent()) {
                throw attempt.problem().get();
            }
            var loaded = attempt.loaded().orElseThrow();
            context().out().println("valid: " + loaded.describeSource() + " (environment " + loaded.environment()
                    + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code aidevops config show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the configuration in effect, defaults included, secrets redacted.")
    static final class Show extends Subcommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin
    FormatOption format;

        @Override
        public Integer call() throws Exception {
            var loaded = root().loadConfig();
            var out = context().out();
            if (format.json()) {
                Output.json(out, ConfigRenderer.toMap(loaded.config()));
            } else {
                out.println("# " + loaded.describeSource() + ", environment " + loaded.environment());
                out.print(ConfigRenderer.toYaml(loaded.config()));
            }
            return ExitCodes.OK;
        }
    }
}
