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
        LogSetup.configure(LogLevel.parse(System.getenv(ConfigLoader.LOG_LEVEL_VARIABLE)).orElse(LogLevel.INFO));
        System.exit(Cli.run(CliContext.forThisProcess(), args));
    }
}
