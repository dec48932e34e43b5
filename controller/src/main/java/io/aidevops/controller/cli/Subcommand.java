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
}
