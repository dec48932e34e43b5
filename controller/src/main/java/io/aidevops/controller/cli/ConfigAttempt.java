package io.aidevops.controller.cli;

import java.util.Optional;

import io.aidevops.controller.config.ConfigException;
import io.aidevops.controller.config.LoadedConfig;

/**
 * The outcome of loading the configuration once, for commands that must work with a broken one too (status,
 * diagnostics): either the configuration or why there is none.
 *
 * @param loaded  the configuration, when it loaded
 * @param problem why it did not
 */
record ConfigAttempt(Optional<LoadedConfig> loaded, Optional<ConfigException> problem) {

    static ConfigAttempt of(AidevopsCommand root) {
        try {
            return new ConfigAttempt(Optional.of(root.loadConfig()), Optional.empty());
        } catch (ConfigException e) {
            return new ConfigAttempt(Optional.empty(), Optional.of(e));
        }
    }
}
