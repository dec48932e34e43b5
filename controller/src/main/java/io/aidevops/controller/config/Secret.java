package io.aidevops.controller.config;

import java.util.Objects;

/**
 * A secret value read from the place its {@link SecretRef} names. It never prints itself: {@link #toString()}
 * says only where it came from, so a secret cannot leak through a log line, an error or a diagnostic bundle.
 */
public final class Secret {
    private final SecretRef ref;
    private final String value;

    Secret(SecretRef ref, String value) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.value = Objects.requireNonNull(value, "value");
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
