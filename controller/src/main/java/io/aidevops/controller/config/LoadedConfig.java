package io.aidevops.controller.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A configuration together with where each part of it came from, for {@code aidevops status} and diagnostics.
 *
 * @param config         the validated configuration
 * @param files          the files read, base file first, then the environment's overlay; empty when the built-in
 *                       defaults are used because no configuration file exists
 * @param environment    the environment name ({@code AIDEVOPS_ENV}, default {@code development})
 * @param logLevel       the effective log level
 * @param logLevelSource where the log level came from: {@code AIDEVOPS_LOG_LEVEL}, {@code logging.level} or default
 */
public record LoadedConfig(AidevopsConfig config, List<Path> files, String environment, LogLevel logLevel,
                           String logLevelSource) {

    public LoadedConfig {
        files = List.copyOf(files);
    }

    /** @return a one-line description of the configuration's source, e.g. {@code config/config.yaml} */
    public String describeSource() {
        if (files.isEmpty()) {
            return "built-in defaults (no configuration file; run 'aidevops init' to write one)";
        }
        return String.join(" + ", files.stream().map(Path::toString).toList());
    }
}
