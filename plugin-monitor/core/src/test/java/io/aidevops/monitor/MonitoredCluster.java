package io.aidevops.monitor;

import io.aidevops.cluster.ClusterSimulator;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.aidevops.monitor.watch.WatchScope;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An embedded cluster on a stepped simulated clock, with Deployments labelled as the suite labels them. */
public final class MonitoredCluster implements AutoCloseable {

    /** Where simulated time starts. */
    public static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    /** The namespace of everything. */
    public static final String NAMESPACE = "default";

    private final SimulatedClock clock = SimulatedClock.startingAt(START);
    private final EmbeddedCluster cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(clock)
            .withReconcileInterval(Duration.ofMillis(500)));

    public KubernetesClient client() {
        return cluster.client();
    }

    public ClusterSimulator simulator() {
        return cluster.simulator();
    }

    public SimulatedClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Moves simulated time on by {@code duration}, reconciling every second. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            Duration left = Duration.between(clock.instant(), end);
            cluster.simulator().advance(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
        }
    }

    /** Creates a Deployment the suite manages and waits (in simulated time) until it is rolled out. */
    public Deployment deploy(String name, String image, int replicas) {
        Deployment created = create(name, image, replicas, true);
        rollOut(name);
        return created;
    }

    /** Creates a Deployment, labelled as the suite's or not, without waiting. */
    public Deployment create(String name, String image, int replicas, boolean managed) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels("app", name).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withProgressDeadlineSeconds(60)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate()
                .endSpec();
        if (managed) {
            builder.editMetadata().addToLabels(WatchScope.MANAGED_BY_LABEL, WatchScope.MANAGED_BY_VALUE).endMetadata()
                    .editSpec().editTemplate().editMetadata()
                    .addToLabels(WatchScope.MANAGED_BY_LABEL, WatchScope.MANAGED_BY_VALUE)
                    .endMetadata().endTemplate().endSpec();
        }
        return client().apps().deployments().inNamespace(NAMESPACE).resource(builder.build()).create();
    }

    /** Steps until the Deployment is rolled out; fails if it is not within two simulated minutes. */
    public void rollOut(String deployment) {
        if (!cluster.awaitRollout(NAMESPACE, deployment, Duration.ofMinutes(2))) {
            throw new AssertionError("Deployment " + deployment + " did not roll out within 2 simulated minutes");
        }
    }

    /** Changes the Deployment's image (a new rollout). */
    public void setImage(String deployment, String image) {
        client().apps().deployments().inNamespace(NAMESPACE).withName(deployment).edit(d -> new DeploymentBuilder(d)
                .editSpec().editTemplate().editSpec().editFirstContainer().withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build());
    }

    /** The Deployment's pods, by name. */
    public List<Pod> pods(String deployment) {
        return client().pods().inNamespace(NAMESPACE).withLabel("app", deployment).list().getItems().stream()
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName())).toList();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
