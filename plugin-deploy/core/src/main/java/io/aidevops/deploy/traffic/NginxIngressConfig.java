package io.aidevops.deploy.traffic;

import java.util.Objects;

/**
 * Where {@link NginxIngressTrafficRouter} routes.
 *
 * @param ingress the primary Ingress, which sends to the stable Service
 * @param stableService the stable Service; null for the target's Service
 * @param canaryService the canary Service; null for {@code <service>-canary}
 * @param canaryIngress the canary Ingress the router manages; null for {@code <ingress>-canary}
 */
public record NginxIngressConfig(String ingress, String stableService, String canaryService, String canaryIngress) {

    /** @throws IllegalArgumentException if the primary Ingress is not named or the canary Ingress would be it */
    public NginxIngressConfig {
        Objects.requireNonNull(ingress, "ingress");
        if (ingress.isBlank()) {
            throw new IllegalArgumentException("ingress must not be blank");
        }
        if (ingress.equals(canaryIngress)) {
            throw new IllegalArgumentException("canaryIngress must differ from the primary ingress '" + ingress + "'");
        }
    }

    /** The Ingress {@code ingress} with the target's Services. */
    public static NginxIngressConfig of(String ingress) {
        return new NginxIngressConfig(ingress, null, null, null);
    }

    /** The stable Service for {@code target}. */
    public String stableService(RolloutTarget target) {
        return stableService != null ? stableService : target.service();
    }

    /** The canary Service for {@code target}. */
    public String canaryService(RolloutTarget target) {
        return canaryService != null ? canaryService : target.service() + "-canary";
    }

    /** The canary Ingress's name. */
    public String canaryIngressName() {
        return canaryIngress != null ? canaryIngress : ingress + "-canary";
    }
}
