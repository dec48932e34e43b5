package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.aidevops.controller.SuiteVersion;
import io.aidevops.controller.config.ConfigException;
import io.aidevops.controller.config.ConfigLoader;
import io.aidevops.controller.config.LoadedConfig;
import io.aidevops.controller.logging.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops}: the root command. Holds what every subcommand shares. */
@Command(name = "aidevops", mixinStandardHelpOptions = true, versionProvider = AidevopsCommand.Version.class,
        description = "AI DevOps Suite: canary analysis, monitoring, security scanning and incident handling for "
                + "Kubernetes delivery, from the command line or Jenkins.",
        subcommands = {InitCommand.class, StartCommand.class, StatusCommand.class, DiagnosticsCommand.class,
                DemoCommand.class, ClusterCommand.class, JudgeCommand.class, CanaryCommand.class,
                AdviseCommand.class, BenchCommand.class, NabCommand.class, DetectCommand.class,
                ForecastCommand.class, AlertsCommand.class, ConfigCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "Environment: AIDEVOPS_ENV (default development), AIDEVOPS_CONFIG_PATH (default "
                + "config/config.yaml), AIDEVOPS_LOG_LEVEL (default INFO).",
                "Exit codes: 0 ok, 1 declined or degraded, 2 usage or configuration error, 3 infrastructure error, "
                        + "130 stopped by Ctrl-C before it finished.",
                "Shell completion: source <(aidevops generate-completion)"})
public final class AidevopsCommand implements Runnable {
    private final CliContext context;

    @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Configuration file (default: $AIDEVOPS_CONFIG_PATH, else config/config.yaml).")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param context the outside world the commands see */
    public AidevopsCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    ConfigLoader loader() {
        return new ConfigLoader(context.environment(), context.workingDirectory());
    }

    /** Loads the configuration and sets the log level it asks for. */
    LoadedConfig loadConfig() throws ConfigException {
        var loaded = loader().load(Optional.ofNullable(configFile));
        LogSetup.configure(loaded.logLevel());
        return loaded;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Prints the suite's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aidevops " + SuiteVersion.current().suite()};
        }
    }
}
