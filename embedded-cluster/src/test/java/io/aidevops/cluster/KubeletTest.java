package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static io.aidevops.cluster.Workloads.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KubeletTest {

    private static final Duration TENTH = Duration.ofMillis(100);

    private SteppedCluster cluster;

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldTakePodFromPendingToRunningAndReadyAfterTheReadinessDelay() {
        cluster = SteppedCluster.start(options -> options.withReadinessDelay(Duration.ofSeconds(3))
                .withContainerStartDelay(Duration.ofMillis(500)));
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));

        cluster.simulator().advance(TENTH);
        Pod pending = onlyPod("web");
        assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pending.getSpec().getNodeName()).isEqualTo("aidevops-embedded-node");
        assertThat(container(pending).getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
        assertThat(condition(pending, "PodScheduled").getStatus()).isEqualTo("True");
        assertThat(PodConditions.isReady(pending)).isFalse();

        advanceTo("10:00:00.600");
        Pod running = onlyPod("web");
        assertThat(running.getStatus().getPhase()).isEqualTo("Running");
        assertThat(container(running).getState().getRunning().getStartedAt()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(container(running).getReady()).isFalse();
        assertThat(condition(running, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(running, "Ready").getMessage()).isEqualTo("containers with unready status: [app]");

        advanceTo("10:00:03.500");
        assertThat(PodConditions.isReady(onlyPod("web"))).as("3.5 s in: started at 0.6 s + 3 s delay").isFalse();

        advanceTo("10:00:03.600");
        Pod ready = onlyPod("web");
        assertThat(PodConditions.isReady(ready)).isTrue();
        assertThat(container(ready).getReady()).isTrue();
        assertThat(container(ready).getStarted()).isTrue();
        assertThat(container(ready).getRestartCount()).isZero();
        assertThat(condition(ready, "Ready").getLastTransitionTime()).isEqualTo("2026-01-01T10:00:03Z");
        assertThat(condition(ready, "ContainersReady").getStatus()).isEqualTo("True");
        assertThat(ready.getStatus().getPodIP()).isEqualTo("127.0.0.1");
        assertThat(ready.getStatus().getHostIP()).isEqualTo("127.0.0.1");
        assertThat(ready.getStatus().getStartTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(container(ready).getContainerID()).startsWith("containerd://");
    }

    @Test
    void shouldPutPodIntoCrashLoopBackOffOnDemandWithRestartsClimbingAtGrowingBackOff() {
        cluster = SteppedCluster.start();
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        String pod = onlyPod("web").getMetadata().getName();
        Instant crashedAt = cluster.clock().instant();

        cluster.simulator().crashLoop(NAMESPACE, pod);

        ContainerStatus crashed = container(onlyPod("web"));
        assertThat(crashed.getReady()).isFalse();
        assertThat(crashed.getRestartCount()).isEqualTo(1);
        assertThat(crashed.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(crashed.getState().getWaiting().getMessage())
                .startsWith("back-off 10s restarting failed container=app");
        assertThat(crashed.getLastState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(crashed.getLastState().getTerminated().getExitCode()).isEqualTo(1);

        // Back-off 10 s, run 1 s, crash; then 20 s, 40 s, 80 s, 160 s: crashes at +11, +32, +73, +154 s.
        // One big step is enough: the kubelet replays every restart at the instant it happens.
        cluster.simulator().advance(Duration.ofSeconds(300));
        ContainerStatus looping = container(onlyPod("web"));
        assertThat(looping.getRestartCount()).isEqualTo(5);
        assertThat(looping.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(looping.getState().getWaiting().getMessage()).startsWith("back-off 160s restarting");
        assertThat(looping.getLastState().getTerminated().getFinishedAt())
                .isEqualTo(crashedAt.plusSeconds(154).toString());
        assertThat(events(pod)).extracting(Event::getReason).contains("BackOff");
        assertThat(events(pod)).filteredOn(event -> "BackOff".equals(event.getReason()))
                .extracting(Event::getType).containsOnly("Warning");

        Deployment deployment = Workloads.get(cluster.client(), "web");
        assertThat(deployment.getStatus().getAvailableReplicas()).isZero();
        assertThat(deployment.getStatus().getUnavailableReplicas()).isEqualTo(1);
    }

    @Test
    void shouldOomKillOnDemandAndRestartAfterTheBackOff() {
        cluster = SteppedCluster.start();
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        String pod = onlyPod("web").getMetadata().getName();

        cluster.simulator().oomKill(NAMESPACE, pod);

        ContainerStatus killed = container(onlyPod("web"));
        assertThat(killed.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(killed.getLastState().getTerminated().getExitCode()).isEqualTo(137);
        assertThat(killed.getRestartCount()).isEqualTo(1);
        assertThat(killed.getReady()).isFalse();
        assertThat(events(pod)).filteredOn(event -> "OOMKilling".equals(event.getReason()))
                .singleElement().satisfies(event -> assertThat(event.getType()).isEqualTo("Warning"));

        cluster.stepFor(Duration.ofSeconds(13));
        ContainerStatus recovered = container(onlyPod("web"));
        assertThat(recovered.getState().getRunning()).isNotNull();
        assertThat(recovered.getReady()).isTrue();
        assertThat(recovered.getRestartCount()).isEqualTo(1);
    }

    @Test
    void shouldRestartContainerOnDemandAtOnce() {
        cluster = SteppedCluster.start();
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        String pod = onlyPod("web").getMetadata().getName();
        String firstRun = container(onlyPod("web")).getContainerID();

        cluster.simulator().restartContainer(NAMESPACE, pod);

        ContainerStatus restarted = container(onlyPod("web"));
        assertThat(restarted.getRestartCount()).isEqualTo(1);
        assertThat(restarted.getState().getRunning()).isNotNull();
        assertThat(restarted.getReady()).as("ready again only after the readiness delay").isFalse();
        assertThat(restarted.getContainerID()).isNotEqualTo(firstRun);
        assertThat(restarted.getLastState().getTerminated().getContainerID()).isEqualTo(firstRun);
        cluster.stepFor(Duration.ofSeconds(2));
        assertThat(container(onlyPod("web")).getReady()).isTrue();
        assertThat(events(pod)).extracting(Event::getReason).contains("Killing");
    }

    @Test
    void shouldRefuseFaultsForPodsThatDoNotExist() {
        cluster = SteppedCluster.start();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> cluster.simulator().crashLoop(NAMESPACE, "nope"))
                .withMessageContaining("default/nope");
    }

    @Test
    void shouldCrashLoopContainersWhoseTagSaysCrash() {
        cluster = SteppedCluster.start();
        Workloads.create(cluster.client(), Workloads.deployment("worker", "worker:1.0-crash", 1));

        cluster.stepFor(Duration.ofSeconds(40));

        Pod pod = onlyPod("worker");
        assertThat(container(pod).getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(container(pod).getRestartCount()).isGreaterThanOrEqualTo(2);
        assertThat(PodConditions.isReady(pod)).isFalse();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void shouldOomKillLeakingContainerWhenItsMemoryReachesTheLimit() {
        cluster = SteppedCluster.start(options -> options.withReadinessDelay(Duration.ofSeconds(1))
                .withContainerStartDelay(Duration.ZERO));
        Workloads.create(cluster.client(), Workloads.deployment("cache", "cache:2.1-leak", 1)
                .editSpec().editTemplate().editSpec().editFirstContainer().withNewResources()
                .addToLimits("memory", new Quantity("128Mi")).endResources().endContainer().endSpec().endTemplate()
                .endSpec());
        cluster.simulator().advance(Duration.ZERO);
        Instant started = cluster.clock().instant();

        // 96 MiB at start, 2 MiB/s more: the 128 MiB limit is reached 16 s after the start.
        advanceTo(started.plusSeconds(10));
        Exposition metrics = PodMetricsTest.scrape(onlyPod("cache"));
        assertThat(metrics.value("process_resident_memory_bytes")).isBetween(114.0 * 1024 * 1024, 118.0 * 1024 * 1024);
        assertThat(container(onlyPod("cache")).getRestartCount()).isZero();

        advanceTo(started.plusSeconds(17));
        ContainerStatus killed = container(onlyPod("cache"));
        assertThat(killed.getRestartCount()).isEqualTo(1);
        assertThat(killed.getLastState().getTerminated().getReason()).isEqualTo("OOMKilled");
        assertThat(killed.getLastState().getTerminated().getExitCode()).isEqualTo(137);
        assertThat(killed.getLastState().getTerminated().getFinishedAt()).isEqualTo(started.plusSeconds(16).toString());
    }

    @Test
    void shouldRecordEventsFromSchedulerControllersAndKubelet() {
        cluster = SteppedCluster.start();
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        String pod = onlyPod("web").getMetadata().getName();

        List<Event> all = cluster.client().v1().events().inNamespace(NAMESPACE).list().getItems();

        assertThat(events(pod)).extracting(Event::getReason).contains("Scheduled", "Pulled", "Created", "Started");
        assertThat(events(pod)).filteredOn(event -> "Started".equals(event.getReason())).singleElement()
                .satisfies(event -> {
                    assertThat(event.getSource().getComponent()).isEqualTo("kubelet");
                    assertThat(event.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{app}");
                    assertThat(event.getType()).isEqualTo("Normal");
                });
        assertThat(all).filteredOn(event -> "Deployment".equals(event.getInvolvedObject().getKind()))
                .singleElement().satisfies(event -> {
                    assertThat(event.getReason()).isEqualTo("ScalingReplicaSet");
                    assertThat(event.getMessage()).matches("Scaled up replica set web-\\w+ to 1 from 0");
                    assertThat(event.getSource().getComponent()).isEqualTo("deployment-controller");
                });
        assertThat(all).filteredOn(event -> "ReplicaSet".equals(event.getInvolvedObject().getKind()))
                .extracting(Event::getMessage).containsExactly("Created pod: " + pod);
    }

    private void advanceTo(String timeOfDay) {
        advanceTo(Instant.parse("2026-01-01T" + timeOfDay + "Z"));
    }

    /** Advances in tenths of a second, like a reconcile loop would, until {@code instant}. */
    private void advanceTo(Instant instant) {
        while (cluster.clock().instant().isBefore(instant)) {
            Duration left = Duration.between(cluster.clock().instant(), instant);
            cluster.simulator().advance(left.compareTo(TENTH) < 0 ? left : TENTH);
        }
    }

    private Pod onlyPod(String deployment) {
        List<Pod> pods = Workloads.pods(cluster.client(), deployment);
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    private List<Event> events(String pod) {
        return cluster.client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(event -> pod.equals(event.getInvolvedObject().getName()))
                .collect(Collectors.toList());
    }

    private static ContainerStatus container(Pod pod) {
        return pod.getStatus().getContainerStatuses().get(0);
    }

    private static PodCondition condition(Pod pod, String type) {
        return pod.getStatus().getConditions().stream().filter(condition -> type.equals(condition.getType()))
                .findFirst().orElseThrow();
    }
}
