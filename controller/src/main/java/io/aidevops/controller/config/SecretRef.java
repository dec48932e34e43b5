package io.aidevops.controller.config;

import java.util.Objects;

/**
 * Where a secret lives. The configuration file only ever names the place: {@code {env: NAME}} or
 * {@code {file: PATH}}; the value is read when the configuration is loaded and kept in a {@link Secret}.
 *
 * @param kind     environment variable or file
 * @param location the variable's name, or the file's path as written in the configuration
 */
public record SecretRef(Kind kind, String location) {

    /** The two places a secret may come from. */
    public enum Kind {
        ENV, FILE
    }

    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /** @return a description that is safe to print, for example {@code env AIDEVOPS_TOKEN} */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + location;
    }
}
