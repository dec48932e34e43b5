package io.aidevops.controller.config;

/**
 * {@code deployment}: progressive delivery defaults.
 *
 * @param strategies {@code deployment.strategies}
 */
public record DeploymentConfig(Strategies strategies) {
    static final int DEFAULT_INITIAL_WEIGHT = 20;

    /**
     * {@code deployment.strategies}: one entry per delivery strategy.
     *
     * @param canary {@code deployment.strategies.canary}
     */
    public record Strategies(Canary canary) {
    }

    /**
     * {@code deployment.strategies.canary}.
     *
     * @param enabled       whether canary releases are offered at all
     * @param initialWeight percent of traffic the canary gets at its first step
     */
    public record Canary(boolean enabled, int initialWeight) {
    }

    static DeploymentConfig read(ConfigSection s) {
        var strategies = s.section("strategies");
        var c = strategies.section("canary");
        var canary = new Canary(c.bool("enabled", true), c.integer("initial_weight", DEFAULT_INITIAL_WEIGHT, 1, 100));
        c.finish();
        strategies.finish();
        s.finish();
        return new DeploymentConfig(new Strategies(canary));
    }
}
