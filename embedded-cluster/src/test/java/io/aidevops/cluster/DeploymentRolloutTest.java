package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.aidevops.cluster.Workloads.NAMESPACE;
import static io.aidevops.cluster.Workloads.pods;
import static io.aidevops.cluster.Workloads.replicaSets;
import static org.assertj.core.api.Assertions.assertThat;

class DeploymentRolloutTest extends WithSteppedCluster {

    @Test
    void shouldCreateReplicaSetAndPodsOwnedAndNamedLikeKubernetes() {
        Deployment deployment = Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 3));

        cluster.rollOut("web");

        List<ReplicaSet> replicaSets = replicaSets(cluster.client(), "web");
        assertThat(replicaSets).hasSize(1);
        ReplicaSet replicaSet = replicaSets.get(0);
        String hash = replicaSet.getMetadata().getLabels().get("pod-template-hash");
        assertThat(replicaSet.getMetadata().getName()).isEqualTo("web-" + hash);
        assertThat(replicaSet.getMetadata().getLabels()).containsEntry("app", "web");
        assertThat(replicaSet.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(replicaSet.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash);
        assertIsControlledBy(replicaSet.getMetadata().getOwnerReferences(), "Deployment", "web",
                deployment.getMetadata().getUid());

        List<Pod> pods = pods(cluster.client(), "web");
        assertThat(pods).hasSize(3).allSatisfy(pod -> {
            assertThat(pod.getMetadata().getName()).matches("web-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(pod.getMetadata().getLabels())
                    .containsEntry("app", "web").containsEntry("pod-template-hash", hash);
            assertIsControlledBy(pod.getMetadata().getOwnerReferences(), "ReplicaSet",
                    replicaSet.getMetadata().getName(), replicaSet.getMetadata().getUid());
            assertThat(pod.getSpec().getNodeName()).isEqualTo("aidevops-embedded-node");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        });

        Deployment rolledOut = Workloads.get(cluster.client(), "web");
        assertThat(rolledOut.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertConverged(rolledOut, 3);
        assertThat(condition(rolledOut, "Available").getStatus()).isEqualTo("True");
        assertThat(condition(rolledOut, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(condition(rolledOut, "Progressing").getMessage())
                .isEqualTo("ReplicaSet \"" + replicaSet.getMetadata().getName() + "\" has successfully progressed.");
        assertThat(replicaSet.getStatus().getReplicas()).isEqualTo(3);
        assertThat(replicaSet.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(cluster.step().settled()).as("a settled world is not rewritten").isTrue();
    }

    @Test
    void shouldRollOutChangedTemplateAsNewReplicaSetAndRetireOldPods() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 3));
        cluster.rollOut("web");
        Set<String> oldPods = podNames();

        Deployment changed = Workloads.setImage(cluster.client(), "web", "shop:v2");
        assertThat(changed.getMetadata().getGeneration()).isEqualTo(2L);
        cluster.step();
        assertThat(condition(Workloads.get(cluster.client(), "web"), "Progressing").getReason())
                .isIn("NewReplicaSetCreated", "ReplicaSetUpdated");
        cluster.rollOut("web");

        List<ReplicaSet> replicaSets = replicaSets(cluster.client(), "web");
        assertThat(replicaSets).hasSize(2);
        ReplicaSet current = replicaSets.stream().filter(rs -> rs.getSpec().getReplicas() == 3).findFirst()
                .orElseThrow();
        ReplicaSet old = replicaSets.stream().filter(rs -> rs != current).findFirst().orElseThrow();
        assertThat(current.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
        assertThat(current.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop:v2");
        assertThat(old.getSpec().getReplicas()).isZero();
        assertThat(old.getStatus().getReplicas()).isZero();

        List<Pod> pods = pods(cluster.client(), "web");
        assertThat(pods).hasSize(3).allSatisfy(pod -> {
            assertThat(Workloads.image(pod)).isEqualTo("shop:v2");
            assertThat(pod.getMetadata().getName()).startsWith(current.getMetadata().getName() + "-");
        });
        assertThat(podNames()).doesNotContainAnyElementsOf(oldPods);

        Deployment rolledOut = Workloads.get(cluster.client(), "web");
        assertThat(rolledOut.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
        assertConverged(rolledOut, 3);
        assertThat(rolledOut.getStatus().getObservedGeneration()).isEqualTo(2L);
    }

    @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2}")
    @CsvSource({
            "4, 25%, 25%, 1, 1",
            "4, 1, 0, 1, 0",
            "4, 0, 1, 0, 1",
            "5, 50%, 20%, 3, 1",
            "10, 30%, 15%, 3, 1",
            "3, 0, 0, 0, 1"})
    void shouldKeepRollingUpdateWithinSurgeAndUnavailabilityAtEveryStep(int replicas, String maxSurge,
            String maxUnavailable, int surge, int unavailable) {
        Workloads.create(cluster.client(), Workloads.rollingUpdate(Workloads.deployment("web", "shop:v1", replicas),
                intOrPercent(maxSurge), intOrPercent(maxUnavailable)));
        cluster.rollOut("web");

        Workloads.setImage(cluster.client(), "web", "shop:v2");
        int mostPods = 0;
        int fewestReady = replicas;
        for (int step = 0; step < 600 && !isRolledOut(replicas); step++) {
            cluster.step();
            List<Pod> pods = pods(cluster.client(), "web");
            long ready = pods.stream().filter(PodConditions::isReady).count();
            assertThat(pods).as("pods after step %d", step).hasSizeLessThanOrEqualTo(replicas + surge);
            assertThat(ready).as("ready pods after step %d", step).isGreaterThanOrEqualTo(replicas - unavailable);
            mostPods = Math.max(mostPods, pods.size());
            fewestReady = (int) Math.min(fewestReady, ready);
        }

        assertThat(isRolledOut(replicas)).isTrue();
        assertThat(pods(cluster.client(), "web")).extracting(Workloads::image).containsOnly("shop:v2");
        // The rollout used its allowances to the full, so the bounds above were really tested.
        assertThat(mostPods).isEqualTo(replicas + surge);
        assertThat(fewestReady).isEqualTo(replicas - unavailable);
    }

    @Test
    void shouldScaleUpAndDownThroughTheScaleSubresource() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");

        Deployment scaled = cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").scale(5);
        assertThat(scaled.getSpec().getTemplate()).isNotNull();
        cluster.rollOut("web");
        assertThat(pods(cluster.client(), "web")).hasSize(5).allMatch(PodConditions::isReady);
        assertConverged(Workloads.get(cluster.client(), "web"), 5);

        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().withReplicas(1).endSpec().build());
        cluster.rollOut("web");
        assertThat(pods(cluster.client(), "web")).hasSize(1);
        assertConverged(Workloads.get(cluster.client(), "web"), 1);
        assertThat(replicaSets(cluster.client(), "web")).hasSize(1);
    }

    @Test
    void shouldStopAllOldPodsBeforeStartingNewOnesWhenRecreating() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 3)
                .editSpec().withNewStrategy().withType("Recreate").endStrategy().endSpec());
        cluster.rollOut("web");

        Workloads.setImage(cluster.client(), "web", "shop:v2");
        boolean sawNoPods = false;
        for (int step = 0; step < 200 && !isRolledOut(3); step++) {
            cluster.step();
            Set<String> images = pods(cluster.client(), "web").stream().map(Workloads::image)
                    .collect(Collectors.toSet());
            assertThat(images).as("images after step %d", step).hasSizeLessThanOrEqualTo(1);
            sawNoPods |= images.isEmpty();
        }

        assertThat(isRolledOut(3)).isTrue();
        assertThat(sawNoPods).as("all old pods were gone before new ones came").isTrue();
        assertThat(pods(cluster.client(), "web")).extracting(Workloads::image).containsOnly("shop:v2");
        assertThat(condition(Workloads.get(cluster.client(), "web"), "Available").getStatus()).isEqualTo("True");
    }

    @Test
    void shouldHoldTemplateChangesWhilePausedButStillScale() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");

        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().withPaused(true).withReplicas(3).editTemplate().editSpec()
                        .editFirstContainer().withImage("shop:v2").endContainer().endSpec().endTemplate().endSpec()
                        .build());
        cluster.stepFor(Duration.ofSeconds(10));

        assertThat(replicaSets(cluster.client(), "web")).hasSize(1);
        assertThat(pods(cluster.client(), "web")).hasSize(3).extracting(Workloads::image).containsOnly("shop:v1");
        DeploymentCondition progressing = condition(Workloads.get(cluster.client(), "web"), "Progressing");
        assertThat(progressing.getStatus()).isEqualTo("Unknown");
        assertThat(progressing.getReason()).isEqualTo("DeploymentPaused");

        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().withPaused(false).endSpec().build());
        cluster.rollOut("web");
        assertThat(pods(cluster.client(), "web")).hasSize(3).extracting(Workloads::image).containsOnly("shop:v2");
    }

    @Test
    void shouldGarbageCollectReplicaSetsAndPodsOfADeletedDeployment() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        Workloads.create(cluster.client(), Workloads.deployment("other", "shop:v1", 1));
        cluster.rollOut("web");
        cluster.rollOut("other");

        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").delete();
        ReconcileReport report = cluster.step();

        assertThat(report.problems()).isEmpty();
        assertThat(replicaSets(cluster.client(), "web")).isEmpty();
        assertThat(pods(cluster.client(), "web")).isEmpty();
        assertThat(pods(cluster.client(), "other")).hasSize(1);
    }

    @Test
    void shouldBumpGenerationOnSpecChangesOnlyAndReportTheObservedOne() {
        Deployment created = Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        cluster.rollOut("web");
        Deployment rolledOut = Workloads.get(cluster.client(), "web");
        assertThat(rolledOut.getMetadata().getGeneration()).as("status and annotation writes").isEqualTo(1L);

        Deployment labelled = cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web")
                .edit(deployment -> new DeploymentBuilder(deployment).editMetadata().addToLabels("team", "shop")
                        .endMetadata().build());
        assertThat(labelled.getMetadata().getGeneration()).as("metadata change").isEqualTo(1L);

        Workloads.setImage(cluster.client(), "web", "shop:v2");
        assertThat(Workloads.get(cluster.client(), "web").getMetadata().getGeneration()).isEqualTo(2L);
        cluster.step();
        assertThat(Workloads.get(cluster.client(), "web").getStatus().getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void shouldReuseTheEarlierReplicaSetUnderANewRevisionOnRollback() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");
        String first = replicaSets(cluster.client(), "web").get(0).getMetadata().getName();
        Workloads.setImage(cluster.client(), "web", "shop:v2");
        cluster.rollOut("web");

        Workloads.setImage(cluster.client(), "web", "shop:v1");
        cluster.rollOut("web");

        List<ReplicaSet> replicaSets = replicaSets(cluster.client(), "web");
        assertThat(replicaSets).hasSize(2);
        ReplicaSet current = replicaSets.stream().filter(rs -> rs.getMetadata().getName().equals(first)).findFirst()
                .orElseThrow();
        assertThat(current.getSpec().getReplicas()).isEqualTo(2);
        assertThat(current.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
        assertThat(Workloads.get(cluster.client(), "web").getMetadata().getAnnotations())
                .containsEntry("deployment.kubernetes.io/revision", "3");
    }

    @Test
    void shouldReportProgressDeadlineExceededWhenNewPodsNeverBecomeReady() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");
        cluster.client().apps().deployments().inNamespace(NAMESPACE).withName("web").edit(deployment ->
                new DeploymentBuilder(deployment).editSpec().withProgressDeadlineSeconds(30).editTemplate().editSpec()
                        .editFirstContainer().withImage("shop:v2-crash").endContainer().endSpec().endTemplate()
                        .endSpec().build());

        cluster.stepFor(Duration.ofSeconds(25));
        assertThat(condition(Workloads.get(cluster.client(), "web"), "Progressing").getStatus()).isEqualTo("True");
        cluster.stepFor(Duration.ofSeconds(10));

        Deployment stuck = Workloads.get(cluster.client(), "web");
        DeploymentCondition progressing = condition(stuck, "Progressing");
        assertThat(progressing.getStatus()).isEqualTo("False");
        assertThat(progressing.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(progressing.getMessage()).endsWith("has timed out progressing.");
        assertThat(condition(stuck, "Available").getStatus()).as("old pods still serve").isEqualTo("True");
        assertThat(stuck.getStatus().getAvailableReplicas()).isEqualTo(2);
    }

    @Test
    void shouldPruneReplicaSetsBeyondTheRevisionHistoryLimit() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1)
                .editSpec().withRevisionHistoryLimit(1).endSpec());
        cluster.rollOut("web");
        for (String image : List.of("shop:v2", "shop:v3", "shop:v4")) {
            Workloads.setImage(cluster.client(), "web", image);
            cluster.rollOut("web");
        }
        cluster.step();

        assertThat(replicaSets(cluster.client(), "web"))
                .extracting(rs -> rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .containsExactlyInAnyOrder("shop:v3", "shop:v4");
    }

    private boolean isRolledOut(int replicas) {
        Deployment deployment = Workloads.get(cluster.client(), "web");
        DeploymentStatus status = deployment.getStatus();
        return status != null && deployment.getMetadata().getGeneration().equals(status.getObservedGeneration())
                && Integer.valueOf(replicas).equals(status.getUpdatedReplicas())
                && Integer.valueOf(replicas).equals(status.getReplicas())
                && Integer.valueOf(replicas).equals(status.getAvailableReplicas());
    }

    private Set<String> podNames() {
        return pods(cluster.client(), "web").stream().map(pod -> pod.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private static Object intOrPercent(String value) {
        return value.endsWith("%") ? value : Integer.valueOf(value);
    }

    private static void assertConverged(Deployment deployment, int replicas) {
        DeploymentStatus status = deployment.getStatus();
        assertThat(status.getReplicas()).isEqualTo(replicas);
        assertThat(status.getUpdatedReplicas()).isEqualTo(replicas);
        assertThat(status.getReadyReplicas()).isEqualTo(replicas);
        assertThat(status.getAvailableReplicas()).isEqualTo(replicas);
        assertThat(status.getUnavailableReplicas()).isZero();
        assertThat(status.getObservedGeneration()).isEqualTo(deployment.getMetadata().getGeneration());
    }

    private static DeploymentCondition condition(Deployment deployment, String type) {
        return deployment.getStatus().getConditions().stream().filter(condition -> type.equals(condition.getType()))
                .findFirst().orElseThrow(() -> new AssertionError("No condition " + type + " in "
                        + deployment.getStatus().getConditions()));
    }

    private static void assertIsControlledBy(List<OwnerReference> references, String kind, String name, String uid) {
        assertThat(references).singleElement().satisfies(reference -> {
            assertThat(reference.getKind()).isEqualTo(kind);
            assertThat(reference.getName()).isEqualTo(name);
            assertThat(reference.getUid()).isEqualTo(uid);
            assertThat(reference.getController()).isTrue();
        });
    }
}
