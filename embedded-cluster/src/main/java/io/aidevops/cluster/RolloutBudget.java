package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * How far a rolling update may go beyond and below the desired replica count, resolved to pod counts the way the
 * Kubernetes Deployment controller does: {@code maxSurge} rounds up, {@code maxUnavailable} rounds down, both default
 * to 25 %, and if both come out as 0 one pod may be unavailable, or the rollout could never start.
 *
 * @param maxSurge pods allowed above the desired count
 * @param maxUnavailable pods allowed to be unavailable below the desired count
 */
record RolloutBudget(int maxSurge, int maxUnavailable) {

    static final String RECREATE = "Recreate";
    private static final String DEFAULT_PERCENT = "25%";

    /**
     * The budget of {@code deployment}. A Recreate deployment has no surge and, for its {@code Available} condition,
     * no unavailability allowance: it is available only with all replicas up.
     *
     * @throws IllegalArgumentException if {@code maxSurge} or {@code maxUnavailable} is malformed or negative
     */
    static RolloutBudget of(Deployment deployment) {
        int replicas = desiredReplicas(deployment);
        DeploymentStrategy strategy = deployment.getSpec().getStrategy();
        if (isRecreate(deployment) || replicas == 0) {
            return new RolloutBudget(0, 0);
        }
        RollingUpdateDeployment rollingUpdate = strategy == null ? null : strategy.getRollingUpdate();
        int surge = scaled("maxSurge", rollingUpdate == null ? null : rollingUpdate.getMaxSurge(), replicas, true);
        int unavailable = scaled("maxUnavailable", rollingUpdate == null ? null : rollingUpdate.getMaxUnavailable(),
                replicas, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new RolloutBudget(surge, Math.min(unavailable, replicas));
    }

    /** Whether {@code deployment} uses the Recreate strategy. */
    static boolean isRecreate(Deployment deployment) {
        DeploymentStrategy strategy = deployment.getSpec().getStrategy();
        return strategy != null && RECREATE.equals(strategy.getType());
    }

    /** {@code spec.replicas}, which defaults to 1. */
    static int desiredReplicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /** Pods that must stay available during a rollout. */
    int minAvailable(int replicas) {
        return Math.max(0, replicas - maxUnavailable);
    }

    private static int scaled(String field, IntOrString value, int total, boolean roundUp) {
        if (value != null && value.getIntVal() != null) {
            return requireNotNegative(field, value.getIntVal());
        }
        String text = value == null || value.getStrVal() == null ? DEFAULT_PERCENT : value.getStrVal().trim();
        if (!text.endsWith("%")) {
            throw new IllegalArgumentException("spec.strategy.rollingUpdate." + field + " must be an integer or a "
                    + "percentage such as 25%, but is \"" + text + "\"");
        }
        int percent;
        try {
            percent = requireNotNegative(field, Integer.parseInt(text.substring(0, text.length() - 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("spec.strategy.rollingUpdate." + field + " must be an integer or a "
                    + "percentage such as 25%, but is \"" + text + "\"", e);
        }
        double exact = percent * (double) total / 100;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    private static int requireNotNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "spec.strategy.rollingUpdate." + field + " must not be negative, but is " + value);
        }
        return value;
    }
}
