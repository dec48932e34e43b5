package io.aidevops.controller.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, mixed into every command whose output is data. */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: text for people, json for machines (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.JSON;
    }
}
