package io.aidevops.deploy.traffic;

import io.aidevops.deploy.ClusterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaTrafficRouterTest {

    private static final RolloutTarget TARGET = ClusterFixture.TARGET;
    private ClusterFixture cluster;
    private final ReplicaTrafficRouter router = new ReplicaTrafficRouter();

    @BeforeEach
    void start() {
        cluster = ClusterFixture.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void scalesBothDeploymentsAndTheSimulatorBringsThePodsUp() {
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 5);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 0);
        cluster.service("shop");
        cluster.rollOut("shop-stable");
        assertThat(router.check(cluster.client(), TARGET)).isEmpty();

        TrafficWeights twenty = TrafficWeights.replicaSplit(20, 5, true);
        router.apply(cluster.client(), TARGET, twenty);
        cluster.rollOut("shop-canary");
        cluster.rollOut("shop-stable");

        assertThat(cluster.replicas("shop-canary")).isEqualTo(1);
        assertThat(cluster.replicas("shop-stable")).isEqualTo(4);
        assertThat(cluster.readyPods(Track.CANARY)).isEqualTo(1);
        assertThat(cluster.readyPods(Track.STABLE)).isEqualTo(4);
        assertThat(cluster.client().apps().deployments().inNamespace(ClusterFixture.NAMESPACE).withName("shop-stable")
                .get().getMetadata().getAnnotations())
                .containsEntry(DeploymentScaler.REPLICAS_BEFORE_CANARY, "5");

        router.apply(cluster.client(), TARGET, TrafficWeights.replicaSplit(50, 5, true));
        cluster.advance(Duration.ofSeconds(30));
        assertThat(cluster.readyPods(Track.CANARY)).isEqualTo(3);
        assertThat(cluster.readyPods(Track.STABLE)).isEqualTo(3);

        router.reset(cluster.client(), TARGET);
        cluster.advance(Duration.ofSeconds(30));
        assertThat(cluster.replicas("shop-canary")).isZero();
        assertThat(cluster.replicas("shop-stable")).isEqualTo(5);
        assertThat(cluster.readyPods(Track.CANARY)).isZero();
        assertThat(cluster.readyPods(Track.STABLE)).isEqualTo(5);
        assertThat(cluster.client().apps().deployments().inNamespace(ClusterFixture.NAMESPACE).withName("shop-stable")
                .get().getMetadata().getAnnotations()).doesNotContainKey(DeploymentScaler.REPLICAS_BEFORE_CANARY);
    }

    @Test
    void checkNamesTheMissingObject() {
        assertThat(router.check(cluster.client(), TARGET)).contains("Deployment default/shop-stable not found");
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 1);
        assertThat(router.check(cluster.client(), TARGET)).contains("Service default/shop not found");
    }
}
