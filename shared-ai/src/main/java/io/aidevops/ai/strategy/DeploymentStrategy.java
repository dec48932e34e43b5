package io.aidevops.ai.strategy;

/** How a new version replaces the old one. */
public enum DeploymentStrategy {
    /** A small, growing share of traffic goes to the new version, with an analysis at every step. */
    CANARY("canary"),
    /** A full copy of the new version (preview) is checked, then all traffic switches at once. */
    BLUE_GREEN("blue-green"),
    /** Kubernetes' own rolling update: pods are replaced a few at a time, no analysis gate between them. */
    ROLLING("rolling"),
    /** All old pods stop before any new pod starts: downtime, but never two versions at once. */
    RECREATE("recreate");

    private final String label;

    DeploymentStrategy(String label) {
        this.label = label;
    }

    /** The name used in reason texts, e.g. {@code blue-green}. */
    public String label() {
        return label;
    }
}
