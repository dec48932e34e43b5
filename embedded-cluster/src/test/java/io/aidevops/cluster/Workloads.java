package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Test fixtures: Deployments to roll out, and what tests read back. */
final class Workloads {

    static final String NAMESPACE = "default";

    private Workloads() {
    }

    /** A Deployment of {@code replicas} pods of one container {@code app} running {@code image}. */
    static DeploymentBuilder deployment(String name, String image, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate()
                .endSpec();
    }

    /** A rolling update strategy with the given limits, each an int or a percentage such as {@code "25%"}. */
    static DeploymentBuilder rollingUpdate(DeploymentBuilder deployment, Object maxSurge, Object maxUnavailable) {
        return deployment.editSpec().withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(maxSurge)).withMaxUnavailable(new IntOrString(maxUnavailable))
                .endRollingUpdate().endStrategy().endSpec();
    }

    static Deployment create(KubernetesClient client, DeploymentBuilder deployment) {
        return client.apps().deployments().inNamespace(NAMESPACE).resource(deployment.build()).create();
    }

    static Deployment get(KubernetesClient client, String name) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    /** Changes the image of the Deployment's container, which is a new pod template. */
    static Deployment setImage(KubernetesClient client, String name, String image) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().editTemplate().editSpec().editFirstContainer()
                        .withImage(image).endContainer().endSpec().endTemplate().endSpec().build());
    }

    /** The pods of a Deployment (by its {@code app} label), sorted by name. */
    static List<Pod> pods(KubernetesClient client, String name) {
        return client.pods().inNamespace(NAMESPACE).withLabel("app", name).list().getItems().stream()
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .collect(Collectors.toList());
    }

    /** The ReplicaSets of a Deployment (by its {@code app} label), sorted by name. */
    static List<ReplicaSet> replicaSets(KubernetesClient client, String name) {
        return client.apps().replicaSets().inNamespace(NAMESPACE).withLabel("app", name).list().getItems().stream()
                .sorted(Comparator.comparing(replicaSet -> replicaSet.getMetadata().getName()))
                .collect(Collectors.toList());
    }

    static String image(Pod pod) {
        return pod.getSpec().getContainers().get(0).getImage();
    }
}
