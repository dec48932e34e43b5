package io.aidevops.cluster;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster as the demo runs it: system clock, background reconcile loop. Waits on conditions, never sleeps. */
class BackgroundModeTest {

    private static final EmbeddedClusterOptions FAST = EmbeddedClusterOptions.defaults()
            .withReadinessDelay(Duration.ofMillis(200))
            .withContainerStartDelay(Duration.ofMillis(50))
            .withReconcileInterval(Duration.ofMillis(50));

    @Test
    void shouldRollOutOnItsOwn() {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(FAST)) {
            Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));

            assertThat(cluster.awaitRollout("default", "web", Duration.ofSeconds(20))).isTrue();

            assertThat(Workloads.pods(cluster.client(), "web")).hasSize(2).allMatch(PodConditions::isReady);
            Workloads.setImage(cluster.client(), "web", "shop:v2");
            assertThat(cluster.awaitRollout("default", "web", Duration.ofSeconds(20))).isTrue();
            assertThat(Workloads.pods(cluster.client(), "web")).extracting(Workloads::image).containsOnly("shop:v2");
        }
    }

    @Test
    void shouldGiveUpWaitingForARolloutThatCannotComplete() {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(FAST)) {
            Workloads.create(cluster.client(), Workloads.deployment("broken", "shop:v1-crash", 1));

            assertThat(cluster.awaitRollout("default", "broken", Duration.ofMillis(500))).isFalse();
            assertThat(cluster.awaitRollout("default", "missing", Duration.ofMillis(100))).isFalse();
        }
    }

    @Test
    void shouldStopEverythingOnClose() {
        EmbeddedCluster cluster = EmbeddedCluster.start(FAST);
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        assertThat(cluster.awaitRollout("default", "web", Duration.ofSeconds(20))).isTrue();
        String metricsUrl = Workloads.pods(cluster.client(), "web").get(0).getMetadata().getAnnotations()
                .get("aidevops.io/metrics-url");

        cluster.close();
        cluster.close();

        assertThat(clusterThreads()).isEmpty();
        assertThatThrownBy(() -> Http.get(metricsUrl)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Http.get(cluster.apiServerUrl() + "/version"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> cluster.client().pods().list()).hasMessageContaining("closed");
    }

    @Test
    void shouldStepSimulatedTimeWhenAwaitingWithoutBackgroundLoop() {
        SimulatedClock clock = SimulatedClock.startingAt(SteppedCluster.START);
        try (EmbeddedCluster cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(clock))) {
            Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 3));

            assertThat(cluster.awaitRollout("default", "web", Duration.ofMinutes(1))).isTrue();

            assertThat(clock.instant())
                    .isBetween(SteppedCluster.START.plusSeconds(2), SteppedCluster.START.plusSeconds(5));
            assertThat(clusterThreads()).as("only the housekeeping thread").hasSize(1);
        }
    }

    private static Set<Thread> clusterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("aidevops-embedded-cluster") && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
