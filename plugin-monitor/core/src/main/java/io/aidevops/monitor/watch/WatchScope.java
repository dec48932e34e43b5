package io.aidevops.monitor.watch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which workloads the monitor watches: Deployments, ReplicaSets and Pods carrying all of {@link #labels()} in the
 * given namespaces. Events carry no labels; those of the watched namespaces are read and matched to the watched
 * objects by their {@code involvedObject}.
 *
 * @param namespaces the namespaces to watch; empty for all namespaces
 * @param labels the labels a watched object must carry, all of them; empty for every object
 */
public record WatchScope(List<String> namespaces, Map<String, String> labels) {

    /** The label the suite puts on everything it manages. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    /** Its value. */
    public static final String MANAGED_BY_VALUE = "aidevops";

    /** Copies. */
    public WatchScope {
        namespaces = List.copyOf(namespaces);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (String namespace : namespaces) {
            if (namespace.isBlank()) {
                throw new IllegalArgumentException("a namespace to watch must not be blank");
            }
        }
    }

    /** Everything the suite manages ({@value #MANAGED_BY_LABEL}={@value #MANAGED_BY_VALUE}), in every namespace. */
    public static WatchScope suite() {
        return new WatchScope(List.of(), Map.of(MANAGED_BY_LABEL, MANAGED_BY_VALUE));
    }

    /** This scope limited to {@code values}. */
    public WatchScope inNamespaces(String... values) {
        return new WatchScope(List.of(values), labels);
    }

    /** This scope with one more label a watched object must carry. */
    public WatchScope withLabel(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new WatchScope(namespaces, copy);
    }

    /** Whether an object in {@code namespace} is in scope as far as its namespace goes. */
    public boolean includesNamespace(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }
}
