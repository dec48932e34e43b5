package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;

import java.util.Map;
import java.util.Optional;

/**
 * Scales the two Deployments of a rollout, shared by all routers.
 *
 * <p>The stable Deployment's replica count from before the rollout is kept in its annotation
 * {@value #REPLICAS_BEFORE_CANARY} (written before the first change, removed by {@link #restore}), so that a reset
 * gives back the capacity the replica router took away even after a restart of whoever drives the rollout.
 */
final class DeploymentScaler {

    /** Annotation on the stable Deployment: its spec.replicas before the canary rollout changed it. */
    static final String REPLICAS_BEFORE_CANARY = "aidevops.io/replicas-before-canary";

    private DeploymentScaler() {
    }

    /**
     * Scales both tracks. Scale-ups go first so that the app never has fewer pods than either end state.
     */
    static void scale(KubernetesClient client, RolloutTarget target, int canaryReplicas, int stableReplicas) {
        Deployment stable = require(client, target, target.stableDeployment());
        Deployment canary = require(client, target, target.canaryDeployment());
        int stableNow = replicas(stable);
        int canaryNow = replicas(canary);
        if (stableNow != stableReplicas) {
            remember(client, target, stable);
        }
        boolean stableGrows = stableReplicas > stableNow;
        if (stableGrows) {
            scaleTo(client, target, target.stableDeployment(), stableReplicas);
        }
        if (canaryNow != canaryReplicas) {
            scaleTo(client, target, target.canaryDeployment(), canaryReplicas);
        }
        if (!stableGrows && stableNow != stableReplicas) {
            scaleTo(client, target, target.stableDeployment(), stableReplicas);
        }
    }

    /**
     * Gives the stable Deployment its replica count from before the rollout (if one was recorded) and scales the
     * canary to zero; a canary Deployment that no longer exists is fine.
     */
    static void restore(KubernetesClient client, RolloutTarget target) {
        Deployment stable = require(client, target, target.stableDeployment());
        String before = annotations(stable).get(REPLICAS_BEFORE_CANARY);
        if (before != null) {
            int replicas;
            try {
                replicas = Integer.parseInt(before);
            } catch (NumberFormatException e) {
                throw new TrafficRoutingException("Deployment " + target.qualified(target.stableDeployment())
                        + " has annotation " + REPLICAS_BEFORE_CANARY + "='" + before + "', which is not a number");
            }
            if (replicas(stable) != replicas) {
                scaleTo(client, target, target.stableDeployment(), replicas);
            }
            deployment(client, target, target.stableDeployment()).edit(d -> {
                Deployment copy = new DeploymentBuilder(d).build();
                copy.getMetadata().getAnnotations().remove(REPLICAS_BEFORE_CANARY);
                return copy;
            });
        }
        Deployment canary = deployment(client, target, target.canaryDeployment()).get();
        if (canary != null && replicas(canary) != 0) {
            scaleTo(client, target, target.canaryDeployment(), 0);
        }
    }

    /** What is missing of the stable Deployment, if anything. */
    static Optional<String> checkStable(KubernetesClient client, RolloutTarget target) {
        return deployment(client, target, target.stableDeployment()).get() == null
                ? Optional.of("Deployment " + target.qualified(target.stableDeployment()) + " not found")
                : Optional.empty();
    }

    private static void remember(KubernetesClient client, RolloutTarget target, Deployment stable) {
        if (annotations(stable).containsKey(REPLICAS_BEFORE_CANARY)) {
            return;
        }
        String before = Integer.toString(replicas(stable));
        deployment(client, target, target.stableDeployment()).edit(d -> new DeploymentBuilder(d)
                .editMetadata().addToAnnotations(REPLICAS_BEFORE_CANARY, before).endMetadata().build());
    }

    private static void scaleTo(KubernetesClient client, RolloutTarget target, String name, int replicas) {
        deployment(client, target, name).scale(replicas);
    }

    private static Deployment require(KubernetesClient client, RolloutTarget target, String name) {
        Deployment deployment = deployment(client, target, name).get();
        if (deployment == null) {
            throw new TrafficRoutingException("Deployment " + target.qualified(name) + " not found");
        }
        return deployment;
    }

    private static RollableScalableResource<Deployment> deployment(KubernetesClient client, RolloutTarget target,
            String name) {
        return client.apps().deployments().inNamespace(target.namespace()).withName(name);
    }

    private static int replicas(Deployment deployment) {
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas; // the API server's default
    }

    private static Map<String, String> annotations(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
