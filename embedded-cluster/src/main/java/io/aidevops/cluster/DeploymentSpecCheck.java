package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what is wrong with a Deployment's spec. A real API server rejects such objects on admission; the embedded
 * one stores anything, so the simulator checks before acting and reports the problem on the Deployment instead of
 * failing somewhere deep in the rollout.
 */
final class DeploymentSpecCheck {

    private static final Set<String> STRATEGIES = Set.of("RollingUpdate", RolloutBudget.RECREATE);

    private DeploymentSpecCheck() {
    }

    /**
     * The first problem of {@code deployment}'s spec.
     *
     * @return a message naming the field and the offending value, or empty if the spec can be rolled out
     */
    static Optional<String> problem(Deployment deployment) {
        DeploymentSpec spec = deployment.getSpec();
        if (spec == null) {
            return Optional.of("spec is missing");
        }
        PodTemplateSpec template = spec.getTemplate();
        if (template == null || template.getSpec() == null) {
            return Optional.of("spec.template.spec is missing");
        }
        if (template.getSpec().getContainers() == null || template.getSpec().getContainers().isEmpty()) {
            return Optional.of("spec.template.spec.containers must not be empty");
        }
        if (spec.getReplicas() != null && spec.getReplicas() < 0) {
            return Optional.of("spec.replicas must not be negative, but is " + spec.getReplicas());
        }
        Optional<String> selectorProblem = selectorProblem(spec.getSelector(), template);
        if (selectorProblem.isPresent()) {
            return selectorProblem;
        }
        if (spec.getStrategy() != null && spec.getStrategy().getType() != null
                && !STRATEGIES.contains(spec.getStrategy().getType())) {
            return Optional.of("spec.strategy.type must be one of " + STRATEGIES + ", but is \""
                    + spec.getStrategy().getType() + "\"");
        }
        try {
            RolloutBudget.of(deployment);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> selectorProblem(LabelSelector selector, PodTemplateSpec template) {
        if (LabelSelectorMatch.isEmpty(selector)) {
            return Optional.of("spec.selector must not be empty");
        }
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        try {
            if (!LabelSelectorMatch.matches(selector, labels)) {
                return Optional.of("spec.selector " + describe(selector)
                        + " does not match spec.template.metadata.labels " + (labels == null ? "{}" : labels));
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("spec.selector is invalid: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String describe(LabelSelector selector) {
        String labels = selector.getMatchLabels() == null ? "{}" : selector.getMatchLabels().toString();
        return selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()
                ? labels
                : labels + " with " + selector.getMatchExpressions().size() + " match expression(s)";
    }
}
