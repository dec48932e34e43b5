package io.aidevops.monitor.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Something about a workload that someone should know, with the evidence for it. Immutable; every face (CLI, API,
 * Jenkins, dashboard) renders this value and none recomputes it.
 *
 * @param fingerprint identity for deduplication, see {@link Fingerprint}
 * @param kind what it is about
 * @param severity how urgent it is
 * @param namespace the workload's namespace
 * @param workload the workload's name (the Deployment's, for pods of a Deployment)
 * @param subject the Kubernetes reason or the metric series, e.g. {@code CrashLoopBackOff}
 * @param title one line for lists
 * @param summary a few sentences for people
 * @param firstSeen when the monitor first saw it
 * @param lastSeen when the monitor last saw it
 * @param evidence why it was raised
 */
public record Alert(String fingerprint, AlertKind kind, Severity severity, String namespace, String workload,
        String subject, String title, String summary, Instant firstSeen, Instant lastSeen, Evidence evidence) {

    /** @throws IllegalArgumentException if the fingerprint does not match kind, namespace, workload and subject */
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(evidence, "evidence");
        if (!Fingerprint.of(kind, namespace, workload, subject).equals(fingerprint)) {
            throw new IllegalArgumentException("fingerprint " + fingerprint + " is not the one of " + kind.code()
                    + " " + namespace + "/" + workload + " " + subject);
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("last seen " + lastSeen + " is before first seen " + firstSeen);
        }
    }

    /**
     * A new alert, first and last seen at {@code at}, with its fingerprint computed.
     *
     * @return the alert
     */
    public static Alert of(AlertKind kind, Severity severity, String namespace, String workload, String subject,
            String title, String summary, Instant at, Evidence evidence) {
        return new Alert(Fingerprint.of(kind, namespace, workload, subject), kind, severity, namespace, workload,
                subject, title, summary, at, at, evidence);
    }

    /** The same alert seen again: this one's first sighting with {@code later}'s details and time. */
    public Alert seenAgain(Alert later) {
        if (!later.fingerprint.equals(fingerprint)) {
            throw new IllegalArgumentException("alert " + later.fingerprint + " is not " + fingerprint);
        }
        Instant last = later.lastSeen.isAfter(lastSeen) ? later.lastSeen : lastSeen;
        return new Alert(fingerprint, kind, later.severity, namespace, workload, subject, later.title, later.summary,
                firstSeen, last, later.evidence);
    }
}
