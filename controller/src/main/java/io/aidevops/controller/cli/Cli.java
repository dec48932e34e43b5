package io.aidevops.controller.cli;

import java.io.PrintWriter;

import io.aidevops.controller.ShownPath;
import io.aidevops.controller.config.ConfigException;
import picocli.CommandLine;

/** Builds the command line and maps failures to exit codes; {@link Main} only adds {@code System.exit}. */
public final class Cli {
    private Cli() {
    }

    /** @return a configured command line for {@code context} */
    public static CommandLine commandLine(CliContext context) {
        var commandLine = new CommandLine(new AidevopsCommand(context));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> handle(e, cl.getErr()));
        return commandLine;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int run(CliContext context, String... args) {
        try {
            return commandLine(context).execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** @return {@code path} as a user would type it, see {@link ShownPath} */
    static java.nio.file.Path shown(CliContext context, java.nio.file.Path path) {
        return ShownPath.of(context.workingDirectory(), path);
    }

    private static int handle(Exception e, PrintWriter err) {
        if (e instanceof ConfigException config) {
            err.println(config.getMessage());
            err.println("(check a file with 'aidevops config validate')");
            return ExitCodes.USAGE;
        }
        if (e instanceof UserException user) {
            err.println("error: " + user.getMessage());
            return user.exitCode();
        }
        err.println("error: " + e);
        var cause = e.getCause();
        while (cause != null) {
            err.println("  caused by: " + cause);
            cause = cause.getCause();
        }
        err.println("(run with AIDEVOPS_LOG_LEVEL=DEBUG for details; 'aidevops diagnostics' writes a bundle for a "
                + "bug report)");
        java.util.logging.Logger.getLogger(Cli.class.getName()).log(java.util.logging.Level.FINE, "command failed", e);
        return ExitCodes.INFRASTRUCTURE;
    }
}
