package io.aidevops.deploy.traffic;

import java.util.Objects;

/**
 * Where {@link IstioTrafficRouter} sets weights.
 *
 * <p>Two ways to tell the tracks apart, as in Istio itself: by host (two Services, {@code stableService} and
 * {@code canaryService}) or by subset (one host, DestinationRule subsets {@code stableSubset} and
 * {@code canarySubset}, typically selecting on the {@code track} label).
 *
 * @param virtualService the VirtualService's name
 * @param route the name of the HTTP route to change; null for every HTTP route that sends to the stable track
 * @param stableService the stable host; null for the target's Service
 * @param canaryService the canary host; null for {@code <service>-canary}, or the stable host when using subsets
 * @param stableSubset the stable subset, or null when the tracks are told apart by host
 * @param canarySubset the canary subset, or null when the tracks are told apart by host
 */
public record IstioConfig(String virtualService, String route, String stableService, String canaryService,
        String stableSubset, String canarySubset) {

    /** @throws IllegalArgumentException if the VirtualService is not named or only one subset is */
    public IstioConfig {
        Objects.requireNonNull(virtualService, "virtualService");
        if (virtualService.isBlank()) {
            throw new IllegalArgumentException("virtualService must not be blank");
        }
        if ((stableSubset == null) != (canarySubset == null)) {
            throw new IllegalArgumentException("name both stableSubset and canarySubset, or neither");
        }
    }

    /** Routing by host: every HTTP route of {@code virtualService} to the target's Services. */
    public static IstioConfig of(String virtualService) {
        return new IstioConfig(virtualService, null, null, null, null, null);
    }

    /** Whether the tracks are subsets of one host. */
    public boolean usesSubsets() {
        return stableSubset != null;
    }

    /** The stable host for {@code target}. */
    public String stableHost(RolloutTarget target) {
        return stableService != null ? stableService : target.service();
    }

    /** The canary host for {@code target}. */
    public String canaryHost(RolloutTarget target) {
        if (canaryService != null) {
            return canaryService;
        }
        return usesSubsets() ? stableHost(target) : target.service() + "-canary";
    }
}
