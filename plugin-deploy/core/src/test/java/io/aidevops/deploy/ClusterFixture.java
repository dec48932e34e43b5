package io.aidevops.deploy;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.aidevops.deploy.traffic.Track;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;

/**
 * An embedded cluster on a stepped simulated clock, with the objects of a canary rollout: Deployments
 * {@code shop-stable} and {@code shop-canary} (labels {@code app=shop}, {@code track=...}) and Service {@code shop}.
 */
public final class ClusterFixture implements AutoCloseable {

    /** Where simulated time starts. */
    public static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    /** The namespace of everything. */
    public static final String NAMESPACE = "default";
    /** The target of the rollout. */
    public static final RolloutTarget TARGET = RolloutTarget.conventional(NAMESPACE, "shop");

    private final SimulatedClock clock;
    private final EmbeddedCluster cluster;

    private ClusterFixture(SimulatedClock clock, EmbeddedCluster cluster) {
        this.clock = clock;
        this.cluster = cluster;
    }

    /** A running cluster with nothing deployed. */
    public static ClusterFixture start() {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        return new ClusterFixture(clock, EmbeddedCluster.start(EmbeddedClusterOptions.stepped(clock)
                .withReconcileInterval(Duration.ofMillis(500))));
    }

    public KubernetesClient client() {
        return cluster.client();
    }

    public io.aidevops.cluster.ClusterSimulator simulator() {
        return cluster.simulator();
    }

    public SimulatedClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Moves simulated time on by {@code duration}, in reconcile steps of half a second. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            Duration left = Duration.between(clock.instant(), end);
            cluster.simulator().advance(left.compareTo(Duration.ofMillis(500)) < 0 ? left : Duration.ofMillis(500));
        }
    }

    /** Creates the track's Deployment of {@link #TARGET} with {@code replicas} pods of {@code image}. */
    public Deployment deploy(Track track, String image, int replicas) {
        String name = track.deployment(TARGET);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .addToLabels("app", TARGET.app()).addToLabels(Track.LABEL, track.labelValue()).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", TARGET.app())
                .addToMatchLabels(Track.LABEL, track.labelValue()).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", TARGET.app()).addToLabels(Track.LABEL, track.labelValue())
                .endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate()
                .endSpec()
                .build();
        return client().apps().deployments().inNamespace(NAMESPACE).resource(deployment).create();
    }

    /** Creates a Service selecting {@code app=shop} (both tracks). */
    public void service(String name) {
        client().services().inNamespace(NAMESPACE).resource(new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().addToSelector("app", TARGET.app()).addNewPort().withPort(80).endPort().endSpec()
                .build()).create();
    }

    /** Steps until the Deployment is rolled out; fails if it is not within two simulated minutes. */
    public void rollOut(String deployment) {
        if (!cluster.awaitRollout(NAMESPACE, deployment, Duration.ofMinutes(2))) {
            throw new AssertionError("Deployment " + deployment + " did not roll out within 2 simulated minutes");
        }
    }

    /** The Deployment's spec.replicas. */
    public int replicas(String deployment) {
        return client().apps().deployments().inNamespace(NAMESPACE).withName(deployment).get().getSpec()
                .getReplicas();
    }

    /** Ready pods of a track. */
    public long readyPods(Track track) {
        return client().pods().inNamespace(NAMESPACE).withLabel(Track.LABEL, track.labelValue()).list().getItems()
                .stream()
                .filter(pod -> pod.getStatus() != null && pod.getStatus().getConditions() != null
                        && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .count();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
