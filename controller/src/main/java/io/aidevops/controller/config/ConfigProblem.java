package io.aidevops.controller.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration: where it is, which key, and what to do about it.
 *
 * @param source  the file (or environment variable, or {@code <built-in>}) the value came from
 * @param line    1-based line in {@code source}, or 0 when the problem has no line (an environment variable)
 * @param column  1-based column, or 0
 * @param key     the dotted key, for example {@code monitoring.interval}
 * @param message what is wrong, including the allowed values or a suggestion
 */
public record ConfigProblem(String source, int line, int column, String key, String message) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as a compiler-style line: {@code config/config.yaml:12:5: monitoring.interval: ...}. */
    @Override
    public String toString() {
        var where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + ": " + key + ": " + message;
    }
}
