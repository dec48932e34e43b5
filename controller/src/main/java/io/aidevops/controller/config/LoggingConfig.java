package io.aidevops.controller.config;

/**
 * {@code logging}.
 *
 * @param level the level when {@code AIDEVOPS_LOG_LEVEL} is not set
 */
public record LoggingConfig(LogLevel level) {

    static LoggingConfig read(ConfigSection s) {
        var config = new LoggingConfig(s.choice("level", LogLevel.class, LogLevel.INFO));
        s.finish();
        return config;
    }
}
