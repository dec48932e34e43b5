package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a label selector ({@code matchLabels} and {@code matchExpressions}) against a set of labels. */
final class LabelSelectorMatch {

    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

    private LabelSelectorMatch() {
    }

    /** Whether {@code selector} selects nothing at all, which the API rejects for workloads. */
    static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (isNullOrEmpty(selector.getMatchLabels()) && isNullOrEmpty(selector.getMatchExpressions()));
    }

    /**
     * Whether {@code labels} satisfy every requirement of {@code selector}.
     *
     * @throws IllegalArgumentException if a requirement has an unknown operator
     */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
                if (!required.getValue().equals(actual.get(required.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!satisfies(requirement, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean satisfies(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String operator = requirement.getOperator();
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("selector operator \"" + operator + "\" of key \""
                    + requirement.getKey() + "\" is not one of " + OPERATORS);
        }
        boolean present = labels.containsKey(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        switch (operator) {
            case "In":
                return present && values.contains(labels.get(requirement.getKey()));
            case "NotIn":
                return !present || !values.contains(labels.get(requirement.getKey()));
            case "Exists":
                return present;
            default:
                return !present;
        }
    }

    private static boolean isNullOrEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static boolean isNullOrEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
