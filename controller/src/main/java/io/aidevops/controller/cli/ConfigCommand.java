package io.aidevops.controller.cli;

import java.util.concurrent.Callable;

import io.aidevops.controller.config.ConfigRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        @Override
        public Integer call() throws Exception {
            var loaded = root().loadConfig();
            context().out().println("valid: " + loaded.describeSource() + " (environment " + loaded.environment()
                    + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code aidevops config show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the configuration in effect, defaults included, secrets redacted.")
    static final class Show extends Subcommand implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "text", description = "text (YAML) or json.")
        OutputFormat format;

        @Override
        public Integer call() throws Exception {
            var loaded = root().loadConfig();
            var out = context().out();
            if (format == OutputFormat.JSON) {
                Output.json(out, ConfigRenderer.toMap(loaded.config()));
            } else {
                out.println("# " + loaded.describeSource() + ", environment " + loaded.environment());
                out.print(ConfigRenderer.toYaml(loaded.config()));
            }
            return ExitCodes.OK;
        }
    }
}
