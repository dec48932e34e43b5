package io.aidevops.monitor.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FingerprintTest {

    @Test
    void isTheSameInEveryRunAndOnEveryMachine() {
        // Pinned: a change here re-raises every open alert of every installation after an upgrade. The value is
        // printf 'crash-loop\ndefault\nshop\nCrashLoopBackOff' | sha256sum | cut -c1-32
        assertThat(Fingerprint.of(AlertKind.CRASH_LOOP, "default", "shop", "CrashLoopBackOff"))
                .isEqualTo("897153163b0083d03182ee59e693eabc")
                .isEqualTo(Fingerprint.of(AlertKind.CRASH_LOOP, "default", "shop", "CrashLoopBackOff"));
    }

    @Test
    void differsInEveryPart() {
        String base = Fingerprint.of(AlertKind.OOM_KILLED, "ns", "shop", "OOMKilled");
        assertThat(List.of(
                Fingerprint.of(AlertKind.CRASH_LOOP, "ns", "shop", "OOMKilled"),
                Fingerprint.of(AlertKind.OOM_KILLED, "ns2", "shop", "OOMKilled"),
                Fingerprint.of(AlertKind.OOM_KILLED, "ns", "shop2", "OOMKilled"),
                Fingerprint.of(AlertKind.OOM_KILLED, "ns", "shop", "OOMKilled2"),
                // Parts are separated, so moving text from one part to the next is another fingerprint.
                Fingerprint.of(AlertKind.OOM_KILLED, "n", "sshop", "OOMKilled")))
                .doesNotContain(base).doesNotHaveDuplicates()
                .allSatisfy(fingerprint -> assertThat(fingerprint).matches("[0-9a-f]{32}"));
    }

    @Test
    void alertMustCarryItsOwnFingerprint() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        Alert alert = Alert.of(AlertKind.ROLLOUT_FAILED, Severity.CRITICAL, "ns", "web", "ProgressDeadlineExceeded",
                "t", "s", at, Evidence.ofObservations(List.of("seen")));

        assertThat(alert.fingerprint()).isEqualTo(Fingerprint.of(AlertKind.ROLLOUT_FAILED, "ns", "web",
                "ProgressDeadlineExceeded"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Alert("0".repeat(32), alert.kind(),
                alert.severity(), "ns", "web", "ProgressDeadlineExceeded", "t", "s", at, at, alert.evidence()));
    }

    @Test
    void seenAgainKeepsTheFirstSightingAndTakesTheRest() {
        Instant first = Instant.parse("2026-01-01T10:00:00Z");
        Alert alert = Alert.of(AlertKind.OOM_KILLED, Severity.CRITICAL, "ns", "shop", "OOMKilled", "t", "s1", first,
                Evidence.ofObservations(List.of("one")));
        Alert later = Alert.of(AlertKind.OOM_KILLED, Severity.CRITICAL, "ns", "shop", "OOMKilled", "t", "s2",
                first.plusSeconds(60), Evidence.ofObservations(List.of("two")));

        Alert merged = alert.seenAgain(later);

        assertThat(merged.firstSeen()).isEqualTo(first);
        assertThat(merged.lastSeen()).isEqualTo(first.plusSeconds(60));
        assertThat(merged.summary()).isEqualTo("s2");
        assertThat(merged.evidence().observations()).containsExactly("two");
    }

    @Test
    void evidenceLeavesRoomForForecastAndCorrelatedSignals() {
        Evidence evidence = Evidence.ofSeries("ns/shop memory", 0.95, List.of(1f, 2f), "rising")
                .withForecast(new Forecast("reaches the limit in 4 minutes", Instant.parse("2026-01-01T10:04:00Z")))
                .withCorrelatedSignals(List.of(new CorrelatedSignal("ns/shop restarts", 0.8, "restarts follow")));

        assertThat(evidence.forecast().summary()).contains("4 minutes");
        assertThat(evidence.correlatedSignals()).singleElement().extracting(CorrelatedSignal::strength)
                .isEqualTo(0.8);
        assertThat(Evidence.ofObservations(List.of()).forecast()).isNull();
        assertThat(Evidence.ofObservations(List.of()).correlatedSignals()).isEmpty();
    }
}
