package io.aidevops.controller.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.aidevops.ai.canary.Thresholds;
import io.aidevops.deploy.rollout.AnalysisMetric;
import io.aidevops.deploy.rollout.CanarySpec;
import io.aidevops.deploy.rollout.RolloutPhase;
import io.aidevops.deploy.rollout.RolloutState;
import io.aidevops.deploy.rollout.RolloutStore;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Deployments, HPAs and stored rollouts on an embedded cluster, for tests that read them back. */
public final class RolloutFixtures {
    /** A plan in the plan file format. */
    public static final String PLAN = "steps:\n  - setWeight: 25\n  - analysis: {interval: 1m, looks: 2}\n";

    private RolloutFixtures() {
    }

    /** Creates Deployment {@code namespace/name} with {@code replicas}. */
    public static void deployment(KubernetesClient client, String namespace, String name, int replicas) {
        client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.local/" + name + ":1.0")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
    }

    /** Creates an HPA scaling Deployment {@code name} between {@code min} and {@code max}. */
    public static void autoscaler(KubernetesClient client, String namespace, String name, int min, int max) {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).resource(
                new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(name).endMetadata()
                        .withNewSpec().withMinReplicas(min).withMaxReplicas(max).withNewScaleTargetRef()
                        .withApiVersion("apps/v1").withKind("Deployment").withName(name).endScaleTargetRef()
                        .endSpec().build()).create();
    }

    /** Stores a starting rollout of {@code name} to {@code image}. */
    public static RolloutState startedRollout(KubernetesClient client, String namespace, String name, String image,
            Instant now) {
        var spec = new CanarySpec(namespace, name, null, image, name, PLAN, AnalysisMetric.defaults(),
                Thresholds.DEFAULT, Duration.ofMinutes(5), Map.of());
        return new RolloutStore(client).create(RolloutState.starting("rollout-" + name, spec, now)).state();
    }

    /** Stores a rollout that was tried {@code attempts} times and rolled back every time. */
    public static RolloutState rolledBack(KubernetesClient client, String namespace, String name, int attempts,
            Instant now) {
        startedRollout(client, namespace, name, "registry.local/" + name + ":1.1", now);
        return new RolloutStore(client).update(namespace, name, state -> {
            RolloutState result = state.ended(RolloutPhase.ROLLED_BACK, "error_rate HIGH", now.plusSeconds(300));
            for (int i = 1; i < attempts; i++) {
                result = result.retried(now.plusSeconds(400L * i))
                        .ended(RolloutPhase.ROLLED_BACK, "error_rate HIGH again", now.plusSeconds(400L * i + 300));
            }
            return result;
        }).orElseThrow().state();
    }
}
