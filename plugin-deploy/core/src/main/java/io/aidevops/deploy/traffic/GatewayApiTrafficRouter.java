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
 * Splits traffic with a Gateway API HTTPRoute ({@code gateway.networking.k8s.io/v1}): in each rule whose
 * {@code backendRefs} include the stable Service, the stable backend gets weight {@code 100 - w} and the canary
 * backend {@code w}; a rule without a canary backend gets one, a copy of the stable backend naming the canary
 * Service. Rules with other backends as well are refused, as with {@link IstioTrafficRouter}.
 */
public final class GatewayApiTrafficRouter implements TrafficRouter {

    private final GatewayApiConfig config;

    /** @param config which HTTPRoute and Services */
    public GatewayApiTrafficRouter(GatewayApiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration. */
    public GatewayApiConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "gatewayApi";
    }

    @Override
    public void apply(KubernetesClient client, RolloutTarget target, TrafficWeights weights) {
        Layer7Scaling.apply(client, target, weights, () -> route(client, target, weights.requestedWeight()));
    }

    @Override
    public Optional<String> check(KubernetesClient client, RolloutTarget target) {
        Optional<String> missing = ServiceCheck.stableAndServices(client, target, config.stableService(target),
                config.canaryService(target));
        if (missing.isPresent()) {
            return missing;
        }
        GenericKubernetesResource route = httpRoute(client, target).get();
        if (route == null) {
            return Optional.of(describe(target) + " not found");
        }
        try {
            rules(route, target);
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
        GenericKubernetesResource route = httpRoute(client, target).get();
        if (route == null) {
            throw new TrafficRoutingException(describe(target) + " not found");
        }
        for (Map<String, Object> rule : rules(route, target)) {
            setWeights(rule, target, weight);
        }
        client.genericKubernetesResources(GenericObjects.HTTP_ROUTE).inNamespace(target.namespace())
                .resource(route).update();
    }

    private List<Map<String, Object>> rules(GenericKubernetesResource route, RolloutTarget target) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Map<String, Object> rule : GenericObjects.mappings(GenericObjects.spec(route), "rules")) {
            if (GenericObjects.mappings(rule, "backendRefs").stream().anyMatch(ref -> isStable(ref, target))) {
                chosen.add(rule);
            }
        }
        if (chosen.isEmpty()) {
            throw new TrafficRoutingException(describe(target) + ": no rule has a backendRef to Service '"
                    + config.stableService(target) + "'");
        }
        return chosen;
    }

    private void setWeights(Map<String, Object> rule, RolloutTarget target, int weight) {
        Map<String, Object> stable = null;
        Map<String, Object> canary = null;
        for (Map<String, Object> ref : GenericObjects.mappings(rule, "backendRefs")) {
            if (isStable(ref, target)) {
                stable = ref;
            } else if (isService(ref, config.canaryService(target))) {
                canary = ref;
            } else {
                throw new TrafficRoutingException(describe(target) + ": a rule also sends to backend '"
                        + GenericObjects.string(ref, "name")
                        + "'; the canary router only splits between stable and canary");
            }
        }
        if (canary == null) {
            canary = GenericObjects.cast(GenericObjects.deepCopy(stable));
            canary.put("name", config.canaryService(target));
            GenericObjects.append(rule, "backendRefs", canary);
        }
        stable.put("weight", 100 - weight);
        canary.put("weight", weight);
    }

    private boolean isStable(Map<String, Object> ref, RolloutTarget target) {
        return isService(ref, config.stableService(target));
    }

    /** A backendRef to a core Service (kind and group default to Service and core). */
    private static boolean isService(Map<String, Object> ref, String service) {
        String kind = GenericObjects.string(ref, "kind");
        String group = GenericObjects.string(ref, "group");
        return service.equals(GenericObjects.string(ref, "name")) && (kind == null || kind.equals("Service"))
                && (group == null || group.isEmpty());
    }

    private Resource<GenericKubernetesResource> httpRoute(KubernetesClient client, RolloutTarget target) {
        return GenericObjects.resource(client, GenericObjects.HTTP_ROUTE, target.namespace(), config.httpRoute());
    }

    private String describe(RolloutTarget target) {
        return "HTTPRoute " + target.qualified(config.httpRoute());
    }
}
