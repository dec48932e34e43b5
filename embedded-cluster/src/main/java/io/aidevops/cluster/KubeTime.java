package io.aidevops.cluster;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps the way the Kubernetes API writes them: RFC 3339 in UTC, whole seconds. */
final class KubeTime {

    private KubeTime() {
    }

    /** {@code instant} as an API timestamp, e.g. {@code 2026-01-01T10:00:00Z}. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An API timestamp as an instant; null stays null. */
    static Instant parse(String timestamp) {
        return timestamp == null ? null : Instant.parse(timestamp);
    }
}
