package io.aidevops.deploy.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.Thresholds;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.aidevops.deploy.metrics.PodScrapeMetricProvider;
import io.aidevops.deploy.plan.PlanException;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine against the embedded cluster on a stepped clock: real API calls, simulated pods and metrics. */
class RolloutEngineTest {

    static final String NS = "shop";
    static final String APP = "web";
    static final String PLAN = "steps:\n  - setWeight: 25\n  - analysis: {interval: 40s, looks: 3}\n"
            + "  - setWeight: 50\n  - analysis: {interval: 40s, looks: 2}\n";
    static final Duration TICK = Duration.ofMillis(2500);

    EmbeddedCluster cluster;
    KubernetesClient client;
    SimulatedClock clock;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void startCluster() {
        clock = SimulatedClock.startingAt(Instant.parse("2026-11-27T10:00:00Z"));
        cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(clock));
        client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName(APP)
                .endMetadata().withNewSpec().addToSelector("app", APP).addNewPort().withPort(80)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();
        client.apps().deployments().inNamespace(NS).resource(deployment("registry.local/web:1.0", true)).create();
        advanceUntil(() -> available(APP) == 3, Duration.ofMinutes(2));
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void aGoodReleaseIsPromotedAfterEveryLook() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));

        RolloutState end = runToEnd(engine, Duration.ofMinutes(20));

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.looksDone()).isEqualTo(5);
        assertThat(end.looks()).extracting(LookRecord::verdict).containsOnly("PASS");
        assertThat(end.looks().get(4).decision()).isEqualTo("PROMOTE");
        assertThat(image(APP)).isEqualTo("registry.local/web:1.1");
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get()).isNull();
        advanceUntil(() -> available(APP) == 3, Duration.ofMinutes(2));
        assertThat(progress).anyMatch(line -> line.contains("setWeight 25"));
    }

    @Test
    void aBadReleaseIsRolledBackAtTheFirstLookWithItsEvidence() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1-bad", PLAN));

        RolloutState end = runToEnd(engine, Duration.ofMinutes(20));

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.looksDone()).isEqualTo(1);
        LookRecord look = end.looks().get(0);
        assertThat(look.decision()).startsWith("ROLLBACK");
        var errors = look.metrics().stream().filter(m -> m.name().equals("error_rate")).findFirst().orElseThrow();
        assertThat(errors.classification()).isEqualTo("HIGH");
        assertThat(errors.canaryMean()).isGreaterThan(0.03);
        assertThat(errors.tests()).anyMatch(t -> t.test().equals("poisson-rate") && t.flagged());
        assertThat(end.outcome()).contains("error_rate");
        assertThat(image(APP)).isEqualTo("registry.local/web:1.0");
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP + "-canary").get().getSpec()
                .getReplicas()).isZero();
        assertThat(EvidenceReport.text(end)).contains("error_rate", "HIGH", "ROLLED_BACK");
        assertThat(EvidenceReport.html(end)).contains("<table>", "poisson-rate");
    }

    @Test
    void aFreshEngineFinishesARolloutFromTheClusterStateAlone() {
        RolloutEngine first = engine();
        first.start(spec("registry.local/web:1.1", PLAN));
        // Run until two looks are done, then drop the engine (and its metric provider's memory) mid-analysis.
        tickWhile(first, 1000, state -> state.looksDone() < 2);
        RolloutState midway = first.status(NS, APP).orElseThrow();
        assertThat(midway.phase()).isEqualTo(RolloutPhase.PROGRESSING);
        assertThat(midway.looksDone()).isEqualTo(2);

        RolloutEngine second = engine();
        RolloutState end = runToEnd(second, Duration.ofMinutes(20));

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.id()).isEqualTo(midway.id());
        assertThat(end.looks()).hasSize(5);
        assertThat(end.looks()).extracting(LookRecord::look).containsExactly(1, 2, 3, 4, 5);
        assertThat(image(APP)).isEqualTo("registry.local/web:1.1");
    }

    @Test
    void abortSendsEverythingBackToStable() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));
        tickWhile(engine, 40, state -> true);
        engine.abort(NS, APP);

        RolloutState end = runToEnd(engine(), Duration.ofMinutes(5));

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(end.outcome()).contains("aborted by a user");
        assertThat(image(APP)).isEqualTo("registry.local/web:1.0");
        advanceUntil(() -> available(APP) == 3 && available(APP + "-canary") == 0, Duration.ofMinutes(2));
    }

    @Test
    void fullPromotionSkipsTheRemainingSteps() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));
        engine.reconcile(NS, APP);
        engine.promote(NS, APP, true);

        RolloutState end = runToEnd(engine, Duration.ofMinutes(5));

        assertThat(end.phase()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(end.looksDone()).isZero();
        assertThat(image(APP)).isEqualTo("registry.local/web:1.1");
    }

    @Test
    void aRolledBackReleaseCanBeRetried() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1-bad", PLAN));
        assertThat(runToEnd(engine, Duration.ofMinutes(20)).phase()).isEqualTo(RolloutPhase.ROLLED_BACK);

        RolloutState retried = engine.retry(NS, APP);

        assertThat(retried.phase()).isEqualTo(RolloutPhase.STARTING);
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(retried.looks()).isEmpty();
        assertThat(runToEnd(engine, Duration.ofMinutes(20)).phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThatThrownBy(() -> engine.abort(NS, APP)).isInstanceOf(RolloutException.class)
                .hasMessageContaining("has ended");
    }

    @Test
    void aCrashLoopingCanaryIsRolledBackWithoutWaitingForMetrics() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1-crash", PLAN));

        RolloutState end = runToEnd(engine, Duration.ofMinutes(20));

        assertThat(end.phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(end.outcome()).containsAnyOf("CrashLoopBackOff", "restarted");
        assertThat(image(APP)).isEqualTo("registry.local/web:1.0");
    }

    @Test
    void requestsThatFailValidationChangeNothing() {
        RolloutEngine engine = engine();
        assertThatThrownBy(() -> engine.start(new CanarySpec(NS, "nope", null, "registry.local/web:1.1", APP, PLAN,
                AnalysisMetric.defaults(), Thresholds.DEFAULT, Duration.ofMinutes(5), Map.of())))
                .isInstanceOf(RolloutException.class).hasMessageContaining("Deployment shop/nope not found");
        assertThatThrownBy(() -> engine.start(spec("registry.local/web:1.1", "steps:\n  - setWeight: 120\n")))
                .isInstanceOf(PlanException.class).hasMessageContaining("setWeight");
        assertThatThrownBy(() -> engine.start(new CanarySpec(NS, APP, "sidecar", "registry.local/web:1.1", APP,
                PLAN, AnalysisMetric.defaults(), Thresholds.DEFAULT, Duration.ofMinutes(5), Map.of())))
                .isInstanceOf(RolloutException.class).hasMessageContaining("no container named 'sidecar'");
        assertThatIllegalArgumentException().isThrownBy(() -> spec("Not An Image!", PLAN))
                .withMessageContaining("--image 'Not An Image!'");

        assertThat(client.configMaps().inNamespace(NS).withLabel(RolloutStore.LABEL).list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).hasSize(1);
    }

    @Test
    void aSecondRolloutOfTheSameDeploymentIsRefusedWhileOneRuns() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));

        assertThatThrownBy(() -> engine.start(spec("registry.local/web:1.2", PLAN)))
                .isInstanceOf(RolloutException.class).hasMessageContaining("is STARTING");
    }

    @Test
    void aStaleWriteIsRefusedSoNoRequestIsLost() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));
        RolloutStore store = new RolloutStore(client);
        RolloutStore.Stored read = store.load(NS, APP).orElseThrow();
        engine.abort(NS, APP);

        assertThatThrownBy(() -> store.replace(read, read.state().withMessage("stale", clock.instant())))
                .isInstanceOf(RolloutStore.ConcurrentChangeException.class);
        assertThat(store.load(NS, APP).orElseThrow().state().request()).isEqualTo(UserRequest.ABORT);
    }

    @Test
    void aWeightThatReplicasCannotMeetIsWarnedAbout() {
        RolloutState state = engine().start(spec("registry.local/web:1.1",
                "steps:\n  - setWeight: 10\n  - analysis: {interval: 40s, looks: 1}\n"));

        assertThat(state.warnings()).anyMatch(w -> w.contains("setWeight 10 cannot be met with 3 replicas"));
    }

    @Test
    void anAutoscalerOnTheDeploymentIsWarnedAbout() {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(
                new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder().withNewMetadata()
                        .withName("web-hpa").endMetadata().withNewSpec().withMinReplicas(2).withMaxReplicas(10)
                        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(APP)
                        .endScaleTargetRef().endSpec().build()).create();

        RolloutState state = engine().start(spec("registry.local/web:1.1", PLAN));

        assertThat(state.warnings()).anyMatch(w -> w.contains("HorizontalPodAutoscaler web-hpa scales web (2 to 10"));
    }

    @Test
    void stablePodsWithoutATrackLabelAreLabelledFirstThenTheRolloutGoesOn() {
        client.apps().deployments().inNamespace(NS).withName(APP).edit(d -> {
            d.getSpec().getTemplate().getMetadata().getLabels().remove("track");
            return d;
        });
        advanceUntil(() -> available(APP) == 3, Duration.ofMinutes(2));
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));

        RolloutState end = runToEnd(engine, Duration.ofMinutes(20));

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(progress).anyMatch(line -> line.contains("labelling the pods of web track=stable"));
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP).get().getSpec().getTemplate()
                .getMetadata().getLabels()).containsEntry("track", "stable");
    }

    @Test
    void aFullPromotionAfterALongManualPauseIsNotMistakenForAStuckStep() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", "steps:\n  - setWeight: 50\n  - pause: {}\n"));
        tickWhile(engine, 200, state -> true);
        assertThat(engine.status(NS, APP).orElseThrow().message()).contains("paused until");
        engine.promote(NS, APP, true);

        RolloutState end = runToEnd(engine, Duration.ofMinutes(5));

        assertThat(end.phase()).as(end.outcome()).isEqualTo(RolloutPhase.PROMOTED);
        assertThat(image(APP)).isEqualTo("registry.local/web:1.1");
    }

    @Test
    void anAbortDuringPromotionPutsTheOldImageBack() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", "steps:\n  - setWeight: 50\n"));
        tickWhile(engine, 400, state -> state.phase() != RolloutPhase.PROMOTING);
        engine.reconcile(NS, APP);
        assertThat(image(APP)).as("promotion has begun").isEqualTo("registry.local/web:1.1");
        engine.abort(NS, APP);

        RolloutState end = runToEnd(engine, Duration.ofMinutes(10));

        assertThat(end.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(image(APP)).isEqualTo("registry.local/web:1.0");
        assertThat(end.outcome()).contains("registry.local/web:1.0");
    }

    @Test
    void aPendingAbortCannotBeOverriddenByAPromotion() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1", PLAN));
        tickWhile(engine, 40, state -> true);
        engine.abort(NS, APP);

        assertThatThrownBy(() -> engine.promote(NS, APP, false)).isInstanceOf(RolloutException.class)
                .hasMessageContaining("rolling back");
        assertThat(runToEnd(engine, Duration.ofMinutes(5)).phase()).isEqualTo(RolloutPhase.ABORTED);
    }

    @Test
    void skippingTheLastAnalysisStillEndsWithAFinalJudgment() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1-bad", "steps:\n  - setWeight: 50\n  - pause: {}\n"
                + "  - analysis: {interval: 40s, looks: 3}\n"));
        tickWhile(engine, 200, state -> !state.message().contains("paused until"));
        engine.promote(NS, APP, false);
        tickWhile(engine, 200, state -> !state.message().contains("analysis: look"));
        engine.promote(NS, APP, false);

        RolloutState end = runToEnd(engine, Duration.ofMinutes(10));

        assertThat(end.phase()).as("the bad canary is judged once more before promotion").isEqualTo(
                RolloutPhase.ROLLED_BACK);
        assertThat(end.looks()).hasSize(1);
        assertThat(end.looks().get(0).of()).isEqualTo(1);
        assertThat(image(APP)).isEqualTo("registry.local/web:1.0");
    }

    @Test
    void aRetryTakesTheStableSideAsItIsNow() {
        RolloutEngine engine = engine();
        engine.start(spec("registry.local/web:1.1-bad", PLAN));
        runToEnd(engine, Duration.ofMinutes(20));
        client.apps().deployments().inNamespace(NS).withName(APP).scale(5);
        advanceUntil(() -> available(APP) == 5, Duration.ofMinutes(2));

        RolloutState retried = engine.retry(NS, APP);

        assertThat(retried.stableReplicas()).isEqualTo(5);
        assertThat(runToEnd(engine, Duration.ofMinutes(20)).phase()).isEqualTo(RolloutPhase.ROLLED_BACK);
        assertThat(client.apps().deployments().inNamespace(NS).withName(APP).get().getSpec().getReplicas())
                .isEqualTo(5);
    }

    /** Reconciles and steps the clock while {@code keepGoing} holds of the stored state, at most {@code ticks} times. */
    private void tickWhile(RolloutEngine engine, int ticks, java.util.function.Predicate<RolloutState> keepGoing) {
        for (int i = 0; i < ticks && keepGoing.test(engine.status(NS, APP).orElseThrow()); i++) {
            engine.reconcile(NS, APP);
            cluster.simulator().advance(TICK);
        }
    }

    private RolloutEngine engine() {
        return new RolloutEngine(client, new PodScrapeMetricProvider(client), CanaryAnalysis.defaults(), clock,
                state -> progress.add(state.phase() + " " + state.message()));
    }

    private static CanarySpec spec(String image, String plan) {
        return new CanarySpec(NS, APP, null, image, APP, plan, AnalysisMetric.defaults(), Thresholds.DEFAULT,
                Duration.ofMinutes(5), Map.of());
    }

    private RolloutState runToEnd(RolloutEngine engine, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        while (clock.instant().isBefore(deadline)) {
            RolloutState state = engine.reconcile(NS, APP);
            if (state.phase().isFinal()) {
                return state;
            }
            cluster.simulator().advance(TICK);
        }
        throw new AssertionError("the rollout did not end within " + limit + ": "
                + engine.status(NS, APP).orElseThrow().message());
    }

    private void advanceUntil(java.util.function.BooleanSupplier done, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        while (!done.getAsBoolean()) {
            if (!clock.instant().isBefore(deadline)) {
                throw new AssertionError("condition not met within " + limit);
            }
            cluster.simulator().advance(Duration.ofMillis(500));
        }
    }

    private int available(String name) {
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName(name).get();
        return deployment == null || deployment.getStatus() == null
                || deployment.getStatus().getAvailableReplicas() == null ? 0
                : deployment.getStatus().getAvailableReplicas();
    }

    private String image(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
    }

    static Deployment deployment(String image, boolean labelled) {
        var builder = new DeploymentBuilder().withNewMetadata().withName(APP).addToLabels("app", APP).endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", APP).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", APP).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).addNewPort()
                .withContainerPort(8080).endPort().withNewResources()
                .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("256Mi")).endResources()
                .endContainer().endSpec().endTemplate().endSpec();
        Deployment d = builder.build();
        if (labelled) {
            d.getSpec().getTemplate().getMetadata().getLabels().put("track", "stable");
        }
        return d;
    }
}
