package io.aidevops.monitor.watch;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.Severity;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgement of workload state, on hand-made objects as the API server reports them. */
class WorkloadInspectorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:10:00Z");
    private final WorkloadInspector inspector = new WorkloadInspector(WatchSettings.defaults());

    private static ReplicaSet replicaSet() {
        return new ReplicaSetBuilder().withNewMetadata().withName("shop-abc12").withNamespace("ns")
                .addNewOwnerReference().withKind("Deployment").withName("shop").withController(true)
                .endOwnerReference().endMetadata().build();
    }

    /** A pod of Deployment shop with one container in the given state. */
    private static Pod pod(String name, boolean ready, String waiting, String lastReason, Instant lastFinished) {
        ContainerStatusBuilder container = new ContainerStatusBuilder().withName("app").withReady(ready)
                .withRestartCount(lastReason == null ? 0 : 3);
        if (waiting != null) {
            container.withNewState().withNewWaiting().withReason(waiting).endWaiting().endState();
        } else {
            container.withNewState().withNewRunning().endRunning().endState();
        }
        if (lastReason != null) {
            container.withNewLastState().withNewTerminated().withReason(lastReason)
                    .withExitCode("OOMKilled".equals(lastReason) ? 137 : 1)
                    .withFinishedAt(lastFinished.toString()).endTerminated().endLastState();
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns")
                .addToLabels("pod-template-hash", "abc12")
                .addNewOwnerReference().withKind("ReplicaSet").withName("shop-abc12").withController(true)
                .endOwnerReference().endMetadata()
                .withNewStatus().withPhase("Running").withContainerStatuses(container.build()).endStatus().build();
    }

    private List<Alert> inspect(List<Pod> pods, boolean crashLoopOpen) {
        return inspector.inspect(new ClusterState(List.of(), List.of(replicaSet()), pods, List.of()), NOW,
                fingerprint -> crashLoopOpen);
    }

    @Test
    void oomKillWinsOverTheBackOffThatFollowsIt() {
        List<Alert> alerts = inspect(List.of(pod("shop-abc12-x", false, "CrashLoopBackOff", "OOMKilled",
                NOW.minusSeconds(5))), false);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.OOM_KILLED);
            assertThat(alert.workload()).isEqualTo("shop");
            assertThat(alert.subject()).isEqualTo("OOMKilled");
        });
    }

    @Test
    void podsOfOneWorkloadShareOneAlertPerKind() {
        List<Alert> alerts = inspect(List.of(
                pod("shop-abc12-x", false, "CrashLoopBackOff", "Error", NOW.minusSeconds(5)),
                pod("shop-abc12-y", false, "CrashLoopBackOff", "Error", NOW.minusSeconds(8))), false);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CRASH_LOOP);
            assertThat(alert.summary()).contains("2 pod(s)");
            assertThat(alert.evidence().observations()).hasSize(2);
        });
    }

    @Test
    void runBetweenBackOffsStaysACrashLoopOnlyWhileThatAlertIsOpen() {
        Pod running = pod("shop-abc12-x", false, null, "Error", NOW.minusSeconds(1));

        assertThat(inspect(List.of(running), true)).extracting(Alert::kind).containsExactly(AlertKind.CRASH_LOOP);
        assertThat(inspect(List.of(running), false)).extracting(Alert::kind)
                .containsExactly(AlertKind.CONTAINER_RESTARTED);
    }

    @Test
    void restartIsAWarningUntilTheSettleTimeHasPassed() {
        Duration settle = WatchSettings.defaults().settleTime();
        Pod recent = pod("shop-abc12-x", true, null, "Error", NOW.minus(settle).plusSeconds(1));
        Pod settled = pod("shop-abc12-x", true, null, "Error", NOW.minus(settle));

        assertThat(inspect(List.of(recent), false)).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CONTAINER_RESTARTED);
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(inspect(List.of(settled), false)).isEmpty();
        assertThat(inspect(List.of(pod("shop-abc12-x", true, null, null, null)), false)).isEmpty();
    }

    @Test
    void podsOnTheirWayOutOrFinishedAndCleanStopsAreNoRestarts() {
        Pod terminating = new PodBuilder(pod("shop-abc12-x", false, null, "Error", NOW.minusSeconds(5)))
                .editMetadata().withDeletionTimestamp(NOW.minusSeconds(2).toString()).endMetadata().build();
        Pod evicted = new PodBuilder(pod("shop-abc12-y", false, null, "Error", NOW.minusSeconds(5)))
                .editStatus().withPhase("Failed").endStatus().build();
        Pod completed = new PodBuilder(pod("shop-abc12-z", false, null, null, null)).editStatus()
                .editFirstContainerStatus().withNewState().withNewTerminated().withReason("Completed").withExitCode(0)
                .withFinishedAt(NOW.minusSeconds(3).toString()).endTerminated().endState().endContainerStatus()
                .endStatus().build();

        assertThat(inspect(List.of(terminating, evicted, completed), false)).isEmpty();
    }

    @Test
    void deploymentConditionsBecomeRolloutAndAvailabilityAlerts() {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("ns")
                .endMetadata().withNewSpec().withReplicas(3).endSpec()
                .withNewStatus().withAvailableReplicas(0).withUpdatedReplicas(1)
                .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"web-1\" has timed out progressing.")
                .withLastTransitionTime(NOW.minusSeconds(10).toString()).endCondition()
                .addNewCondition().withType("Available").withStatus("False").withReason("MinimumReplicasUnavailable")
                .withLastTransitionTime(NOW.minus(Duration.ofMinutes(3)).toString()).endCondition()
                .endStatus().build();
        Event warning = new EventBuilder().withNewMetadata().withName("e1").withNamespace("ns").endMetadata()
                .withType("Warning").withReason("FailedCreate").withMessage("quota exceeded").withCount(4)
                .withLastTimestamp(NOW.minusSeconds(20).toString())
                .withNewInvolvedObject().withKind("Deployment").withName("web").withNamespace("ns")
                .endInvolvedObject().build();

        List<Alert> alerts = inspector.inspect(new ClusterState(List.of(deployment), List.of(), List.of(),
                List.of(warning)), NOW, fingerprint -> false);

        assertThat(alerts).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.ROLLOUT_FAILED,
                AlertKind.REPLICAS_UNAVAILABLE);
        assertThat(alerts).filteredOn(alert -> alert.kind() == AlertKind.REPLICAS_UNAVAILABLE).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(alert.evidence().observations()).contains("Deployment web: Available=False "
                                    + "(MinimumReplicasUnavailable) since " + NOW.minus(Duration.ofMinutes(3))
                                    + "; 0 of 3 replicas available",
                            "event FailedCreate on Deployment web at " + NOW.minusSeconds(20)
                                    + ": quota exceeded (x4)");
                });
    }

    @Test
    void unavailabilityWithinTheGracePeriodIsNoAlert() {
        Deployment starting = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("ns")
                .endMetadata().withNewSpec().withReplicas(2).endSpec().withNewStatus()
                .addNewCondition().withType("Available").withStatus("False").withReason("MinimumReplicasUnavailable")
                .withLastTransitionTime(NOW.minusSeconds(30).toString()).endCondition().endStatus().build();

        assertThat(inspector.inspect(new ClusterState(List.of(starting), List.of(), List.of(), List.of()), NOW,
                fingerprint -> false)).isEmpty();
    }

    @Test
    void podsWithoutCachedReplicaSetStillFindTheirDeployment() {
        ClusterState state = new ClusterState(List.of(), List.of(), List.of(pod("shop-abc12-x", true, null, null,
                null)), List.of());

        assertThat(state.workloadOf(state.pods().get(0))).isEqualTo("shop");
        assertThat(state.workloads()).singleElement().satisfies(workload -> {
            assertThat(workload.key()).isEqualTo("ns/shop");
            assertThat(workload.pods()).hasSize(1);
        });
    }
}
