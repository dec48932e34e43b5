package io.aidevops.deploy.rollout;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Keeps each rollout's {@link RolloutState} in a ConfigMap next to its Deployment ({@code <deployment>-aidevops-canary},
 * key {@value #KEY}). Writes carry the resourceVersion that was read, so two processes never overwrite each other's
 * changes: the loser gets a {@link ConcurrentChangeException}, re-reads and tries again.
 */
public final class RolloutStore {

    /** The ConfigMap key holding the state as JSON. */
    public static final String KEY = "rollout.json";
    /** The label that marks rollout ConfigMaps; its value is the Deployment's name. */
    public static final String LABEL = "aidevops.io/canary-of";

    private static final int MAX_ATTEMPTS = 10;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RolloutStore.class);

    private final KubernetesClient client;

    /** @param client the cluster the rollouts live in */
    public RolloutStore(KubernetesClient client) {
        this.client = client;
    }

    /**
     * A state as read, with the resourceVersion a write must name.
     *
     * @param state the state
     * @param resourceVersion the ConfigMap's resourceVersion when read
     */
    public record Stored(RolloutState state, String resourceVersion) {
    }

    /** Another process changed the rollout since it was read. */
    public static final class ConcurrentChangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConcurrentChangeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The ConfigMap name of the rollout of {@code deployment}. */
    public static String configMapName(String deployment) {
        return deployment + "-aidevops-canary";
    }

    /** The rollout of {@code deployment} in {@code namespace}, if there is one. */
    public Optional<Stored> load(String namespace, String deployment) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(configMapName(deployment)).get();
        return Optional.ofNullable(map).map(this::stored);
    }

    /** Every rollout in {@code namespace}, or in all namespaces if it is null, newest first. */
    public List<RolloutState> list(String namespace) {
        var maps = namespace == null
                ? client.configMaps().inAnyNamespace().withLabel(LABEL).list().getItems()
                : client.configMaps().inNamespace(namespace).withLabel(LABEL).list().getItems();
        // One unreadable record (edited by hand, from a newer version) must not hide all the others.
        return maps.stream().flatMap(map -> {
            try {
                return java.util.stream.Stream.of(stored(map).state());
            } catch (IllegalStateException e) {
                LOG.warn("skipping {}: {}", map.getMetadata().getName(), e.getMessage());
                return java.util.stream.Stream.empty();
            }
        }).sorted(Comparator.comparing(RolloutState::createdAt).reversed()).toList();
    }

    /**
     * Stores a new rollout.
     *
     * @throws ConcurrentChangeException if the deployment already has one
     */
    public Stored create(RolloutState state) {
        var spec = state.spec();
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(configMapName(spec.deployment()))
                .withNamespace(spec.namespace()).addToLabels(LABEL, spec.deployment())
                .addToLabels("app.kubernetes.io/managed-by", "aidevops").endMetadata()
                .withData(Map.of(KEY, RolloutJson.write(state))).build();
        try {
            return stored(client.configMaps().inNamespace(spec.namespace()).resource(map).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new ConcurrentChangeException("a rollout of " + spec.namespace() + "/" + spec.deployment()
                        + " already exists", e);
            }
            throw e;
        }
    }

    /**
     * Replaces {@code previous} with {@code next}.
     *
     * @throws ConcurrentChangeException if someone else wrote in between
     */
    public Stored replace(Stored previous, RolloutState next) {
        var spec = next.spec();
        ConfigMap current = client.configMaps().inNamespace(spec.namespace())
                .withName(configMapName(spec.deployment())).get();
        if (current == null) {
            throw new ConcurrentChangeException("the rollout of " + spec.namespace() + "/" + spec.deployment()
                    + " was deleted", null);
        }
        current.getMetadata().setResourceVersion(previous.resourceVersion());
        current.setData(Map.of(KEY, RolloutJson.write(next)));
        try {
            return stored(client.configMaps().inNamespace(spec.namespace()).resource(current).update());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new ConcurrentChangeException("the rollout of " + spec.namespace() + "/" + spec.deployment()
                        + " changed since it was read", e);
            }
            throw e;
        }
    }

    /**
     * Reads, changes and writes the rollout of {@code deployment}, again from a fresh read when another process
     * wrote in between.
     *
     * @return the stored result; empty if there is no such rollout
     */
    public Optional<Stored> update(String namespace, String deployment, UnaryOperator<RolloutState> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Stored> stored = load(namespace, deployment);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(replace(stored.get(), change.apply(stored.get().state())));
            } catch (ConcurrentChangeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the record of the rollout of {@code deployment}. */
    public void delete(String namespace, String deployment) {
        client.configMaps().inNamespace(namespace).withName(configMapName(deployment)).delete();
    }

    private Stored stored(ConfigMap map) {
        String where = "ConfigMap " + map.getMetadata().getNamespace() + "/" + map.getMetadata().getName();
        String json = map.getData() == null ? null : map.getData().get(KEY);
        if (json == null) {
            throw new IllegalStateException(where + " has no key " + KEY);
        }
        return new Stored(RolloutJson.readState(json, where), map.getMetadata().getResourceVersion());
    }
}
