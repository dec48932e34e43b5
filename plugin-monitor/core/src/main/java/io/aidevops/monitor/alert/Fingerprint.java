package io.aidevops.monitor.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of an alert: the same problem of the same workload always has the same fingerprint, in this process,
 * after a restart, and on another machine, so receivers can deduplicate on it.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * The first 128 bits of the SHA-256 of kind code, namespace, workload and subject, as 32 lowercase hex digits.
     * (Not {@code hashCode()}: that is neither wide enough nor promised to be stable across JVMs.)
     *
     * @param kind what the alert is about
     * @param namespace the workload's namespace
     * @param workload the workload's name
     * @param subject the metric series, or the Kubernetes reason, e.g. {@code CrashLoopBackOff}
     * @return the fingerprint
     */
    public static String of(AlertKind kind, String namespace, String workload, String subject) {
        Objects.requireNonNull(kind, "kind");
        String text = kind.code() + '\n' + Objects.requireNonNull(namespace, "namespace") + '\n'
                + Objects.requireNonNull(workload, "workload") + '\n' + Objects.requireNonNull(subject, "subject");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
