package io.aidevops.deploy.traffic;

import java.util.Objects;

/**
 * Where {@link GatewayApiTrafficRouter} sets weights.
 *
 * @param httpRoute the HTTPRoute's name
 * @param stableService the stable backend Service; null for the target's Service
 * @param canaryService the canary backend Service; null for {@code <service>-canary}
 */
public record GatewayApiConfig(String httpRoute, String stableService, String canaryService) {

    /** @throws IllegalArgumentException if the HTTPRoute is not named */
    public GatewayApiConfig {
        Objects.requireNonNull(httpRoute, "httpRoute");
        if (httpRoute.isBlank()) {
            throw new IllegalArgumentException("httpRoute must not be blank");
        }
    }

    /** The HTTPRoute {@code httpRoute} with the target's Services. */
    public static GatewayApiConfig of(String httpRoute) {
        return new GatewayApiConfig(httpRoute, null, null);
    }

    /** The stable Service for {@code target}. */
    public String stableService(RolloutTarget target) {
        return stableService != null ? stableService : target.service();
    }

    /** The canary Service for {@code target}. */
    public String canaryService(RolloutTarget target) {
        return canaryService != null ? canaryService : target.service() + "-canary";
    }
}
