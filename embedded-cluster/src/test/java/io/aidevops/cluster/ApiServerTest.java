package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.aidevops.cluster.Workloads.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the mock API server does with the requests the simulator and its users rely on. */
class ApiServerTest extends WithSteppedCluster {


    @Test
    void shouldStartWithTheUsualNamespacesAndOneReadyNode() {
        assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
                .containsExactlyInAnyOrder("default", "kube-system", "kube-public", "kube-node-lease");
        assertThat(client.nodes().list().getItems()).singleElement().satisfies(node ->
                assertThat(node.getStatus().getConditions()).anySatisfy(condition -> {
                    assertThat(condition.getType()).isEqualTo("Ready");
                    assertThat(condition.getStatus()).isEqualTo("True");
                }));
    }

    @Test
    void shouldNameTheTakenPortWhenItCannotStart() {
        int taken = URI.create(cluster.cluster().apiServerUrl()).getPort();

        assertThatIllegalStateException()
                .isThrownBy(() -> EmbeddedCluster.start(EmbeddedClusterOptions.defaults().withPort(taken)))
                .withMessage("Cannot start the embedded API server on 127.0.0.1:" + taken + "; is the port in use?");
    }

    @Test
    void shouldWriteOnlyStatusThroughTheStatusSubresource() {
        Deployment created = Workloads.create(client, Workloads.deployment("web", "shop:v1", 2));

        Deployment reported = new DeploymentBuilder(created).editSpec().withReplicas(9).endSpec()
                .withNewStatus().withReplicas(2).withObservedGeneration(1L).endStatus().build();
        Deployment updated = client.apps().deployments().inNamespace(NAMESPACE).resource(reported).updateStatus();

        assertThat(updated.getStatus().getReplicas()).isEqualTo(2);
        assertThat(updated.getSpec().getReplicas()).as("spec changes are ignored on /status").isEqualTo(2);
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void shouldPatchPodStatusThroughTheStatusSubresource() {
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName("bare").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:v1").endContainer().endSpec()
                .build()).create();

        Pod patched = client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(pod)
                .withNewStatus().withPhase("Running").withReason("Testing").endStatus().build()).patchStatus();

        assertThat(patched.getStatus().getPhase()).isEqualTo("Running");
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(1L);
    }

    /**
     * A real API server ignores {@code status} in a plain update of a built-in kind; the mock stores it. The simulator
     * writes status through {@code /status} only, and rewrites it every pass from the world it sees, so a stale
     * status written by a plain update is corrected by the next pass.
     */
    @Test
    void shouldStoreStatusSentWithAPlainUpdateUnlikeARealApiServerAndTheSimulatorRepairsIt() {
        Workloads.create(client, Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");
        Deployment current = Workloads.get(client, "web");

        Deployment overwritten = client.apps().deployments().inNamespace(NAMESPACE).resource(
                new DeploymentBuilder(current).editStatus().withReadyReplicas(0).endStatus().build()).update();
        assertThat(overwritten.getStatus().getReadyReplicas()).isZero();

        cluster.step();
        assertThat(Workloads.get(client, "web").getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void shouldStreamEventsToFabric8Watchers() throws InterruptedException {
        BlockingQueue<Event> seen = new LinkedBlockingQueue<>();
        try (Watch watch = client.v1().events().inNamespace(NAMESPACE).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Event event) {
                seen.add(event);
            }

            @Override
            public void onClose(WatcherException cause) {
                // Closed by the test.
            }
        })) {
            Workloads.create(client, Workloads.deployment("web", "shop:v1", 1));
            cluster.rollOut("web");

            Event first = seen.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.getReason()).isEqualTo("ScalingReplicaSet");
        }
    }

    @Test
    void shouldRejectStaleUpdatesWithAConflict() {
        Deployment created = Workloads.create(client, Workloads.deployment("web", "shop:v1", 1));
        Workloads.setImage(client, "web", "shop:v2");

        Deployment stale = new DeploymentBuilder(created).editSpec().withReplicas(3).endSpec().build();

        assertThat(catchThrowableOfType(KubernetesClientException.class,
                () -> client.apps().deployments().inNamespace(NAMESPACE).resource(stale).update()).getCode())
                .isEqualTo(409);
    }
}
