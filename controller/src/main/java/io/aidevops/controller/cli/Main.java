package io.aidevops.controller.cli;

import io.aidevops.controller.config.ConfigLoader;
import io.aidevops.controller.config.LogLevel;
import io.aidevops.controller.logging.LogSetup;

/** The {@code aidevops} launcher's entry point. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // Until a command loads the configuration, honour the variable so start-up problems are visible.
        var level = System.getenv(ConfigLoader.LOG_LEVEL_VARIABLE);
        LogSetup.configure(parse(level));
        System.exit(Cli.run(CliContext.forThisProcess(), args));
    }

    private static LogLevel parse(String level) {
        if (level != null) {
            for (var candidate : LogLevel.values()) {
                if (candidate.name().equalsIgnoreCase(level.strip())) {
                    return candidate;
                }
            }
        }
        return LogLevel.INFO;
    }
}
