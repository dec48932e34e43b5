package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Objects;

/**
 * Namespace and name of an API object.
 *
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the name
 */
record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {

    ObjectKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /** The key of {@code object}. */
    static ObjectKey of(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return new ObjectKey(namespace == null ? "" : namespace, object.getMetadata().getName());
    }

    @Override
    public int compareTo(ObjectKey other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
