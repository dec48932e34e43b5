package io.aidevops.deploy.rollout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.aidevops.deploy.traffic.Track;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * Reads and derives the Deployments of a canary: the canary Deployment is a copy of the stable one with the new
 * image and {@code track=canary} on its selector and pods, so the two Deployments' selectors are disjoint while the
 * Service, which selects the shared app labels only, reaches both.
 */
final class CanaryWorkload {

    static final String ROLLOUT_ID = "aidevops.io/rollout-id";

    private CanaryWorkload() {
    }

    /** The container a spec changes: the named one or the first. */
    static Optional<Container> container(Deployment deployment, String name) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (name == null) {
            return containers.stream().findFirst();
        }
        return containers.stream().filter(c -> name.equals(c.getName())).findFirst();
    }

    /** The app label value both tracks share: the stable pods' {@code app} label, else the Deployment's name. */
    static String app(Deployment stable) {
        Map<String, String> labels = stable.getSpec().getTemplate().getMetadata().getLabels();
        return labels != null && labels.containsKey("app") ? labels.get("app") : stable.getMetadata().getName();
    }

    /** Whether the stable pods already carry {@code track=stable}. */
    static boolean stableLabelled(Deployment stable) {
        Map<String, String> labels = stable.getSpec().getTemplate().getMetadata().getLabels();
        return labels != null && Track.STABLE.labelValue().equals(labels.get(Track.LABEL));
    }

    /** The canary Deployment for {@code spec}, derived from the stable one, at zero replicas. */
    static Deployment canaryOf(Deployment stable, CanarySpec spec, String rolloutId) {
        Deployment canary = new DeploymentBuilder(stable)
                .withNewMetadata().withName(spec.canaryDeployment()).withNamespace(spec.namespace())
                .withLabels(withTrack(stable.getMetadata().getLabels()))
                .addToAnnotations(ROLLOUT_ID, rolloutId).endMetadata()
                .withStatus(null).build();
        canary.getSpec().setReplicas(0);
        canary.getSpec().getSelector().setMatchLabels(withTrack(stable.getSpec().getSelector().getMatchLabels()));
        canary.getSpec().getTemplate().getMetadata().setLabels(
                withTrack(stable.getSpec().getTemplate().getMetadata().getLabels()));
        container(canary, spec.container()).orElseThrow().setImage(spec.image());
        return canary;
    }

    /** Whether a Deployment's latest generation is rolled out to all {@code replicas} pods, all available. */
    static boolean rolledOut(Deployment deployment, int replicas) {
        var status = deployment.getStatus();
        if (status == null) {
            return replicas == 0;
        }
        long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
        long observed = Objects.requireNonNullElse(status.getObservedGeneration(), 0L);
        return observed >= generation && count(status.getUpdatedReplicas()) >= replicas
                && count(status.getAvailableReplicas()) >= replicas && count(status.getReplicas()) == replicas;
    }

    /** The replicas a Deployment asks for now (an autoscaler may have changed them), 1 when unset. */
    static int replicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** Available pods of a Deployment. */
    static int available(Deployment deployment) {
        return deployment == null || deployment.getStatus() == null ? 0
                : count(deployment.getStatus().getAvailableReplicas());
    }

    /** Why a canary pod is unhealthy (crash looping, OOM-killed repeatedly), if one is. */
    static Optional<String> unhealthy(List<Pod> pods) {
        for (Pod pod : pods) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                continue;
            }
            for (var status : pod.getStatus().getContainerStatuses()) {
                var waiting = status.getState() == null ? null : status.getState().getWaiting();
                int restarts = count(status.getRestartCount());
                if (waiting != null && "CrashLoopBackOff".equals(waiting.getReason())) {
                    return Optional.of("canary pod " + pod.getMetadata().getName() + " is in CrashLoopBackOff after "
                            + restarts + " restarts");
                }
                if (restarts >= 3) {
                    String last = status.getLastState() != null && status.getLastState().getTerminated() != null
                            ? " (last: " + status.getLastState().getTerminated().getReason() + ")" : "";
                    return Optional.of("canary pod " + pod.getMetadata().getName() + " restarted " + restarts
                            + " times" + last);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> withTrack(Map<String, String> labels) {
        var result = new HashMap<String, String>(labels == null ? Map.of() : labels);
        result.put(Track.LABEL, Track.CANARY.labelValue());
        return result;
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
