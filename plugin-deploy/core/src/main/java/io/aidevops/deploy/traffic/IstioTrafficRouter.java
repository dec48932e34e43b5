package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits traffic with an Istio VirtualService ({@code networking.istio.io/v1}): in each HTTP route that sends to
 * the stable track, the stable destination gets weight {@code 100 - w} and the canary destination {@code w}. A
 * route without a canary destination gets one, a copy of the stable destination with the canary's host or subset.
 *
 * <p>A route that also sends to other destinations is refused rather than rebalanced: the router cannot know what
 * share those should keep.
 */
public final class IstioTrafficRouter implements TrafficRouter {

    private final IstioConfig config;

    /** @param config which VirtualService and destinations */
    public IstioTrafficRouter(IstioConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public IstioConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "istio";
    }

    @Override
    public void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights) {
        Layer7Scaling.apply(client, target, weights, () -> route(client, target, weights.requestedWeight()));
    }

    @Override
    public Optional<String> check(KubernetesClient client, RolloutTarget target) {
        Optional<String> stable = DeploymentScaler.checkStable(client, target);
        if (stable.isPresent()) {
            return stable;
        }
        GenericKubernetesResource virtualService = virtualService(client, target).get();
        if (virtualService == null) {
            return Optional.of(describe(target) + " not found");
        }
        try {
            routes(virtualService, target);
        } catch (TrafficRoutingException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public void reset(KubernetesClient client, RolloutTarget target) {
        Layer7Scaling.reset(client, target, () -> route(client, target, 0));
    }

    private void route(KubernetesClient client, RolloutTarget target, int weight) {
        Resource<GenericKubernetesResource> resource = virtualService(client, target);
        GenericKubernetesResource virtualService = resource.get();
        if (virtualService == null) {
            throw new TrafficRoutingException(describe(target) + " not found");
        }
        for (Map<String, Object> route : routes(virtualService, target)) {
            setWeights(route, target, weight);
        }
        client.genericKubernetesResources(GenericObjects.VIRTUAL_SERVICE).inNamespace(target.namespace())
                .resource(virtualService).update();
    }

    /** The HTTP routes to change; each has a stable destination. */
    private List<Map<String, Object>> routes(GenericKubernetesResource virtualService, RolloutTarget target) {
        List<Map<String, Object>> http = GenericObjects.mappings(GenericObjects.spec(virtualService), "http");
        List<Map<String, Object>> chosen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> route : http) {
            String name = GenericObjects.string(route, "name");
            names.add(name == null ? "(unnamed)" : name);
            if (config.route() != null && !config.route().equals(name)) {
                continue;
            }
            boolean toStable = GenericObjects.mappings(route, "route").stream()
                    .anyMatch(destination -> isStable(destination, target));
            if (toStable) {
                chosen.add(route);
            } else if (config.route() != null) {
                throw new TrafficRoutingException(describe(target) + ": HTTP route '" + config.route()
                        + "' has no destination " + stableDescription(target));
            }
        }
        if (chosen.isEmpty()) {
            throw new TrafficRoutingException(describe(target) + (config.route() != null
                    ? ": no HTTP route named '" + config.route() + "'; its HTTP routes are " + names
                    : ": no HTTP route sends to " + stableDescription(target)));
        }
        return chosen;
    }

    private void setWeights(Map<String, Object> route, RolloutTarget target, int weight) {
        List<Map<String, Object>> destinations = GenericObjects.mappings(route, "route");
        Map<String, Object> stable = null;
        Map<String, Object> canary = null;
        for (Map<String, Object> destination : destinations) {
            if (isStable(destination, target)) {
                stable = destination;
            } else if (isCanary(destination, target)) {
                canary = destination;
            } else {
                throw new TrafficRoutingException(describe(target) + ": HTTP route '"
                        + GenericObjects.string(route, "name") + "' also sends to "
                        + GenericObjects.mapping(destination, "destination")
                        + "; the canary router only splits between stable and canary");
            }
        }
        if (canary == null) {
            canary = GenericObjects.cast(GenericObjects.deepCopy(stable));
            Map<String, Object> destination = GenericObjects.mutableMapping(canary, "destination");
            destination.put("host", config.canaryHost(target));
            if (config.usesSubsets()) {
                destination.put("subset", config.canarySubset());
            }
            GenericObjects.append(route, "route", canary);
        }
        stable.put("weight", 100 - weight);
        canary.put("weight", weight);
    }

    private boolean isStable(Map<String, Object> entry, RolloutTarget target) {
        return matches(entry, config.stableHost(target), config.stableSubset());
    }

    private boolean isCanary(Map<String, Object> entry, RolloutTarget target) {
        return matches(entry, config.canaryHost(target), config.canarySubset());
    }

    private static boolean matches(Map<String, Object> entry, String host, String subset) {
        Map<String, Object> destination = GenericObjects.mapping(entry, "destination");
        return GenericObjects.namesService(GenericObjects.string(destination, "host"), host)
                && Objects.equals(subset, GenericObjects.string(destination, "subset"));
    }

    private String stableDescription(RolloutTarget target) {
        return "host '" + config.stableHost(target) + "'"
                + (config.usesSubsets() ? " subset '" + config.stableSubset() + "'" : "");
    }

    private Resource<GenericKubernetesResource> virtualService(KubernetesClient client, RolloutTarget target) {
        return GenericObjects.resource(client, GenericObjects.VIRTUAL_SERVICE, target.namespace(),
                config.virtualService());
    }

    private String describe(RolloutTarget target) {
        return "VirtualService " + target.qualified(config.virtualService());
    }
}
