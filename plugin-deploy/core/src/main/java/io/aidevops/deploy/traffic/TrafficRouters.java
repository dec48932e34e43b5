package io.aidevops.deploy.traffic;

import io.aidevops.deploy.plan.KeySuggestions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link TrafficRouter} from the {@code router} option of a plan or the command line, e.g.
 *
 * <pre>
 * router: {type: replica}
 * router: {type: istio, virtualService: shop, route: primary}                    # by host
 * router: {type: istio, virtualService: shop, stableSubset: stable, canarySubset: canary}
 * router: {type: gatewayApi, httpRoute: shop}
 * router: {type: nginx, ingress: shop, canaryService: shop-canary}
 * </pre>
 *
 * Keys per type: istio {@code virtualService} (required), {@code route}, {@code stableService},
 * {@code canaryService}, {@code stableSubset}, {@code canarySubset}; gatewayApi {@code httpRoute} (required),
 * {@code stableService}, {@code canaryService}; nginx {@code ingress} (required), {@code stableService},
 * {@code canaryService}, {@code canaryIngress}. Unknown keys are refused with a suggestion.
 */
public final class TrafficRouters {

    /** The router types {@link #fromConfig} knows. */
    public static final List<String> TYPES = List.of("replica", "istio", "gatewayApi", "nginx");

    private static final List<String> REPLICA_KEYS = List.of("type");
    private static final List<String> ISTIO_KEYS = List.of("type", "virtualService", "route", "stableService",
            "canaryService", "stableSubset", "canarySubset");
    private static final List<String> GATEWAY_KEYS = List.of("type", "httpRoute", "stableService", "canaryService");
    private static final List<String> NGINX_KEYS = List.of("type", "ingress", "stableService", "canaryService",
            "canaryIngress");

    private TrafficRouters() {
    }

    /** The router without a mesh: traffic follows the pod counts. */
    public static TrafficRouter replica() {
        return new ReplicaTrafficRouter();
    }

    /**
     * A router from its configuration; an empty or null map is the replica router.
     *
     * @param config the {@code router} mapping; values are strings (numbers and the like are turned into strings)
     * @return the router
     * @throws IllegalArgumentException naming the key ({@code router.virtualService ...}) if the configuration is
     *     incomplete, has an unknown key or an unknown type
     */
    public static TrafficRouter fromConfig(Map<String, ?> config) {
        if (config == null || config.isEmpty()) {
            return replica();
        }
        String type = string(config, "type");
        if (type == null) {
            throw new IllegalArgumentException("router.type is missing; expected one of " + String.join(", ", TYPES));
        }
        switch (normalise(type)) {
            case "replica":
                requireKnown(config, REPLICA_KEYS);
                return replica();
            case "istio":
                requireKnown(config, ISTIO_KEYS);
                String virtualService = required(config, "virtualService");
                return new IstioTrafficRouter(wrap(() -> new IstioConfig(virtualService,
                        string(config, "route"), string(config, "stableService"), string(config, "canaryService"),
                        string(config, "stableSubset"), string(config, "canarySubset"))));
            case "gatewayapi":
                requireKnown(config, GATEWAY_KEYS);
                return new GatewayApiTrafficRouter(new GatewayApiConfig(required(config, "httpRoute"),
                        string(config, "stableService"), string(config, "canaryService")));
            case "nginx":
                requireKnown(config, NGINX_KEYS);
                String ingress = required(config, "ingress");
                return new NginxIngressTrafficRouter(wrap(() -> new NginxIngressConfig(ingress,
                        string(config, "stableService"), string(config, "canaryService"),
                        string(config, "canaryIngress"))));
            default:
                throw new IllegalArgumentException("router.type: " + KeySuggestions.closest(type, TYPES)
                        .map(match -> "unknown type '" + type + "'; did you mean '" + match + "'?")
                        .orElse("unknown type '" + type + "'; expected one of " + String.join(", ", TYPES)));
        }
    }

    /** Accepts the spellings people use: {@code gatewayApi}, {@code gateway-api}, {@code gateway_api}, any case. */
    private static String normalise(String type) {
        return type.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static void requireKnown(Map<String, ?> config, List<String> known) {
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("router: " + KeySuggestions.unknownKey(key, known)
                        + " (for type " + config.get("type") + ")");
            }
        }
    }

    private static String required(Map<String, ?> config, String key) {
        String value = string(config, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("router." + key + " is required for type " + config.get("type"));
        }
        return value;
    }

    private static String string(Map<String, ?> config, String key) {
        Object value = config.get(key);
        if (value instanceof Map || value instanceof Iterable) {
            throw new IllegalArgumentException("router." + key + " must be a single value, but is " + value);
        }
        return value == null ? null : Objects.toString(value);
    }

    private static <T> T wrap(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("router: " + e.getMessage(), e);
        }
    }
}
