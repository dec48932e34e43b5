package io.aidevops.monitor.alert;

import io.aidevops.monitor.RecordingSink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OpenAlertsTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private final RecordingSink sink = new RecordingSink();
    private final OpenAlerts alerts = new OpenAlerts(sink);

    private static Alert alert(String workload, Instant at) {
        return Alert.of(AlertKind.CRASH_LOOP, Severity.CRITICAL, "ns", workload, "CrashLoopBackOff", "t", "s", at,
                Evidence.ofObservations(List.of()));
    }

    @Test
    void raisesEachFingerprintOnceWhileOpen() {
        assertThat(alerts.raise(alert("shop", AT))).isTrue();
        assertThat(alerts.raise(alert("shop", AT.plusSeconds(30)))).isFalse();
        assertThat(alerts.raise(alert("shop", AT.plusSeconds(60)))).isFalse();

        assertThat(sink.raised()).hasSize(1);
        assertThat(alerts.all()).singleElement().satisfies(open -> {
            assertThat(open.firstSeen()).isEqualTo(AT);
            assertThat(open.lastSeen()).isEqualTo(AT.plusSeconds(60));
        });
    }

    @Test
    void reconcileRaisesNewAndResolvesVanishedInScopeOnly() {
        Alert anomaly = Alert.of(AlertKind.METRIC_ANOMALY, Severity.WARNING, "ns", "shop", "cpu", "t", "s", AT,
                Evidence.ofSeries("ns/shop cpu", 0.95, List.of(), null));
        alerts.raise(anomaly);
        alerts.reconcile(alert -> alert.kind().isWorkloadState(), List.of(alert("a", AT), alert("b", AT)), AT);
        alerts.reconcile(alert -> alert.kind().isWorkloadState(), List.of(alert("b", AT.plusSeconds(5))),
                AT.plusSeconds(5));

        assertThat(sink.raised()).extracting(Alert::workload).containsExactly("shop", "a", "b");
        assertThat(sink.resolved()).extracting(Alert::workload).containsExactly("a");
        assertThat(alerts.all()).extracting(Alert::kind).containsExactly(AlertKind.METRIC_ANOMALY,
                AlertKind.CRASH_LOOP);
        assertThat(alerts.raisedCount()).isEqualTo(3);
        assertThat(alerts.resolvedCount()).isEqualTo(1);
    }

    @Test
    void aProblemMustStayGoneForTheGraceBeforeItResolvesAndComingBackStartsTheGraceAgain() {
        var grace = java.time.Duration.ofMinutes(1);
        alerts.reconcile(alert -> true, List.of(alert("shop", AT)), AT, grace);
        alerts.reconcile(alert -> true, List.of(), AT.plusSeconds(10), grace);
        alerts.reconcile(alert -> true, List.of(), AT.plusSeconds(60), grace);
        alerts.reconcile(alert -> true, List.of(alert("shop", AT.plusSeconds(65))), AT.plusSeconds(65), grace);
        alerts.reconcile(alert -> true, List.of(), AT.plusSeconds(70), grace);
        alerts.reconcile(alert -> true, List.of(), AT.plusSeconds(129), grace);

        assertThat(sink.resolved()).as("gone from 10 s to 65 s, then from 70 s: never a full minute").isEmpty();

        alerts.reconcile(alert -> true, List.of(), AT.plusSeconds(130), grace);

        assertThat(sink.raised()).hasSize(1);
        assertThat(sink.resolved()).hasSize(1);
    }

    @Test
    void fingerprintsRaisedByAnEarlierRunAreAdoptedNotRaisedAgain() {
        new OpenAlerts(sink).raise(alert("shop", AT));
        OpenAlerts restarted = new OpenAlerts(sink);
        restarted.adoptRaised(AT);

        assertThat(restarted.raise(alert("shop", AT.plusSeconds(60)))).isFalse();
        assertThat(sink.raised()).hasSize(1);
        assertThat(restarted.resolve(alert("shop", AT).fingerprint(), AT.plusSeconds(90))).isTrue();
        assertThat(sink.resolved()).hasSize(1);
        assertThat(sink.raisedAlerts()).isEmpty();
    }

    @Test
    void anAlertOfAnEarlierRunWhoseProblemIsGoneIsResolvedAtTheFirstReconcile() {
        new OpenAlerts(sink).raise(alert("shop", AT));
        OpenAlerts restarted = new OpenAlerts(sink);
        restarted.adoptRaised(AT);

        restarted.reconcile(alert -> alert.kind().isWorkloadState(), List.of(), AT.plusSeconds(60));

        assertThat(sink.resolved()).extracting(Alert::workload).containsExactly("shop");
        assertThat(sink.raisedAlerts()).isEmpty();
        assertThat(restarted.all()).isEmpty();
    }

    @Test
    void anAdoptedAlertThatIsNeverSeenAgainResolvesOnceItsSeriesIsPastRetention() {
        Alert anomaly = Alert.of(AlertKind.METRIC_ANOMALY, Severity.WARNING, "ns", "gone", "cpu", "t", "s", AT,
                Evidence.ofSeries("ns/gone cpu", 0.95, List.of(), null));
        new OpenAlerts(sink).raise(anomaly);
        OpenAlerts restarted = new OpenAlerts(sink);
        restarted.adoptRaised(AT);
        assertThat(restarted.isAdopted(anomaly.fingerprint())).isTrue();

        restarted.resolveUnseenAdopted(alert -> true, AT, AT.plusSeconds(60));
        assertThat(sink.resolved()).as("adopted at AT, not before it").isEmpty();
        restarted.resolveUnseenAdopted(alert -> true, AT.plusSeconds(1), AT.plusSeconds(3_600));

        assertThat(sink.resolved()).containsExactly(anomaly);
    }

    @Test
    void failedRaiseStaysClosedSoItIsOfferedAgain() {
        sink.failNext(1);
        assertThatIllegalStateException().isThrownBy(() -> alerts.raise(alert("shop", AT)));
        assertThat(alerts.all()).isEmpty();

        assertThat(alerts.raise(alert("shop", AT.plusSeconds(30)))).isTrue();
        assertThat(sink.raised()).hasSize(1);
    }

    @Test
    void resolvingWhatIsNotOpenDoesNothing() {
        assertThat(alerts.resolve("0".repeat(32), AT)).isFalse();
        assertThat(sink.resolved()).isEmpty();
    }
}
