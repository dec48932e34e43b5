package io.aidevops.controller.cli;

import picocli.CommandLine;

/** What every subcommand has: the root command's shared state. */
abstract class Subcommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AidevopsCommand root() {
        return (AidevopsCommand) spec.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    /** @return {@code port}, refused with a usage error unless it is a TCP port or 0 (any free port) */
    static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be from 0 to 65535, was " + port, ExitCodes.USAGE);
        }
        return port;
    }
}
