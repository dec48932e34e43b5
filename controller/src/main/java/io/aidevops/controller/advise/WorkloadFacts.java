package io.aidevops.controller.advise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aidevops.ai.strategy.Autoscaler;
import io.aidevops.ai.strategy.RolloutHistory;
import io.aidevops.deploy.rollout.RolloutPhase;
import io.aidevops.deploy.rollout.RolloutState;
import io.aidevops.deploy.rollout.RolloutStore;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What the cluster knows about a Deployment that the strategy advisor weighs: its replicas, the HPA that targets it
 * and its canary history.
 *
 * <p>The rollout store keeps one ConfigMap per Deployment, holding its latest rollout; the history is therefore that
 * rollout's attempts: every {@code retry} followed a rolled-back, aborted or failed attempt.
 *
 * @param replicas the Deployment's desired replicas
 * @param autoscaler the HPA's bounds, or null
 * @param history finished attempts and how many of them were not promoted
 * @param notes where each fact came from, for the user
 */
public record WorkloadFacts(int replicas, Autoscaler autoscaler, RolloutHistory history, List<String> notes) {

    /** Copies the notes. */
    public WorkloadFacts {
        notes = List.copyOf(notes);
    }

    /**
     * Reads the facts of Deployment {@code namespace/name}.
     *
     * @throws IllegalArgumentException if there is no such Deployment
     * @throws KubernetesClientException if the cluster does not answer
     */
    public static WorkloadFacts read(KubernetesClient client, String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) {
            throw new IllegalArgumentException("no Deployment " + namespace + "/" + name);
        }
        List<String> notes = new ArrayList<>();
        Integer desired = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        int replicas = desired == null ? 1 : Math.max(1, desired);
        notes.add("replicas " + replicas + " from Deployment " + namespace + "/" + name);
        Autoscaler autoscaler = autoscaler(client, namespace, name).orElse(null);
        if (autoscaler != null) {
            notes.add("HPA min " + autoscaler.minReplicas() + " max " + autoscaler.maxReplicas());
        }
        RolloutHistory history = history(client, namespace, name);
        if (history.rollouts() > 0) {
            notes.add("history " + history.rollouts() + " finished canary attempt(s), " + history.rolledBack()
                    + " not promoted, from ConfigMap " + RolloutStore.configMapName(name));
        }
        return new WorkloadFacts(replicas, autoscaler, history, notes);
    }

    private static Optional<Autoscaler> autoscaler(KubernetesClient client, String namespace, String name) {
        List<HorizontalPodAutoscaler> all;
        try {
            all = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();   // a cluster without autoscaling/v2 has no HPA to weigh
            }
            throw e;
        }
        return all.stream().filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
                        && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && name.equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst().map(h -> {
                    Integer min = h.getSpec().getMinReplicas();
                    int lower = min == null ? 1 : Math.max(1, min);
                    Integer max = h.getSpec().getMaxReplicas();
                    return new Autoscaler(lower, max == null ? lower : Math.max(lower, max));
                });
    }

    static RolloutHistory history(KubernetesClient client, String namespace, String name) {
        Optional<RolloutState> latest = new RolloutStore(client).list(namespace).stream()
                .filter(s -> s.spec().deployment().equals(name)).findFirst();
        if (latest.isEmpty()) {
            return RolloutHistory.NONE;
        }
        RolloutState state = latest.get();
        boolean finished = state.phase().isFinal();
        int earlier = state.attempt() - 1;
        int rollouts = earlier + (finished ? 1 : 0);
        int rolledBack = earlier + (finished && state.phase() != RolloutPhase.PROMOTED ? 1 : 0);
        // A retry keeps the first attempt's start, so only a first attempt tells how long one rollout takes.
        Duration typical = finished && state.phase() == RolloutPhase.PROMOTED && state.attempt() == 1
                && state.createdAt() != null && state.updatedAt() != null
                ? Duration.between(state.createdAt(), state.updatedAt()) : Duration.ZERO;
        return new RolloutHistory(rollouts, rolledBack, typical.isNegative() ? Duration.ZERO : typical);
    }
}
