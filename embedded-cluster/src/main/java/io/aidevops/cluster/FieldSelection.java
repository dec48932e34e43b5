package io.aidevops.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field selector requirements the CRUD store cannot evaluate, applied to its answer instead.
 *
 * <p>The store matches {@code metadata.name} and {@code metadata.namespace} only; a requirement on another field
 * (such as {@code involvedObject.name} in {@code kubectl describe}'s event query, or {@code status.phase}) matches
 * nothing there. So those requirements are taken out of the store's query and checked here on the listed items.
 * Like the API server, a missing field counts as the empty string.
 *
 * @param requirements the requirements checked here
 */
record FieldSelection(List<Requirement> requirements) {

    private static final Set<String> STORE_FIELDS = Set.of("metadata.name", "metadata.namespace");

    /**
     * One requirement: {@code field=value}, {@code field==value} or {@code field!=value}.
     *
     * @param field the dotted field path
     * @param value the value compared with
     * @param equal whether the field must equal (true) or differ from (false) the value
     */
    record Requirement(String field, String value, boolean equal) {

        boolean matches(Map<?, ?> item) {
            Object actual = item;
            for (String segment : field.split("\\.")) {
                actual = actual instanceof Map ? ((Map<?, ?>) actual).get(segment) : null;
            }
            String text = actual == null ? "" : String.valueOf(actual);
            return text.equals(value) == equal;
        }
    }

    FieldSelection {
        requirements = List.copyOf(requirements);
    }

    /**
     * Splits a field selector into what the store evaluates and what this selection evaluates.
     *
     * @param selector the selector, e.g. {@code involvedObject.name=web,metadata.namespace=default}
     * @param forStore receives the requirements the store evaluates, in their original text
     * @return the requirements to evaluate here
     */
    static FieldSelection split(String selector, List<String> forStore) {
        List<Requirement> here = new ArrayList<>();
        for (String requirement : selector.split(",")) {
            if (requirement.isBlank()) {
                continue;
            }
            boolean unequal = requirement.contains("!=");
            String[] parts = requirement.split(unequal ? "!=" : "==?", 2);
            String field = parts[0].trim();
            if (STORE_FIELDS.contains(field) || parts.length < 2) {
                forStore.add(requirement);
            } else {
                here.add(new Requirement(field, parts[1].trim(), !unequal));
            }
        }
        return new FieldSelection(here);
    }

    /** Whether there is anything to evaluate here. */
    boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** Whether {@code item} (an object as a JSON map) satisfies every requirement. */
    boolean matches(Map<?, ?> item) {
        return requirements.stream().allMatch(requirement -> requirement.matches(item));
    }
}
