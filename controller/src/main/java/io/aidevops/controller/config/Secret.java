package io.aidevops.controller.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret value read from the place its {@link SecretRef} names. It never prints itself: {@link #toString()}
 * says only where it came from, so a secret cannot leak through a log line, an error or a diagnostic bundle.
 */
public final class Secret {
    private final SecretRef ref;
    private final String value;
    private final Path file;

    Secret(SecretRef ref, String value) {
        this(ref, value, null);
    }

    Secret(SecretRef ref, String value, Path file) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.value = Objects.requireNonNull(value, "value");
        this.file = file;
    }

    /**
     * @return the file the secret was read from, resolved against the configuration's folder; empty for a secret
     *         from the environment. Clients whose secret is rotated under a running process read it again from here.
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** @return where the secret came from (safe to print) */
    public SecretRef ref() {
        return ref;
    }

    /** @return the plain value; hand it only to the client that needs it */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<redacted: " + ref.describe() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && ref.equals(other.ref) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }
}
