package io.aidevops.controller.config;

import java.util.logging.Level;

/** Log levels as users write them ({@code AIDEVOPS_LOG_LEVEL=DEBUG}), mapped onto java.util.logging. */
public enum LogLevel {
    TRACE(Level.FINEST), DEBUG(Level.FINE), INFO(Level.INFO), WARN(Level.WARNING), ERROR(Level.SEVERE);

    private final Level julLevel;

    LogLevel(Level julLevel) {
        this.julLevel = julLevel;
    }

    /** @return the level written as {@code text}, in any case, or empty when it is not a level */
    public static java.util.Optional<LogLevel> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    /** @return the java.util.logging level that lets this level and everything more severe through */
    public Level julLevel() {
        return julLevel;
    }
}
