package io.aidevops.cluster;

import java.util.Optional;

/**
 * A parsed API path: {@code /api/v1/namespaces/default/pods/web-1} or {@code /apis/apps/v1/deployments}.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param namespace the namespace, null for cluster-wide paths
 * @param plural the resource, e.g. {@code pods}
 * @param name the object's name, null for a collection
 * @param subresource e.g. {@code status}, null for the object itself
 */
record ResourcePath(String group, String version, String namespace, String plural, String name,
        String subresource) {

    /** Parses a path without query string; empty if it is not a resource path. */
    static Optional<ResourcePath> parse(String path) {
        String[] segments = path.replaceAll("^/+", "").split("/");
        int index;
        String group;
        if (segments.length >= 3 && "api".equals(segments[0])) {
            group = "";
            index = 1;
        } else if (segments.length >= 4 && "apis".equals(segments[0])) {
            group = segments[1];
            index = 2;
        } else {
            return Optional.empty();
        }
        String version = segments[index++];
        String namespace = null;
        if (segments.length > index + 2 && "namespaces".equals(segments[index])) {
            namespace = segments[index + 1];
            index += 2;
        }
        String plural = segments[index++];
        String name = index < segments.length ? segments[index++] : null;
        String subresource = index < segments.length ? segments[index] : null;
        return Optional.of(new ResourcePath(group, version, namespace, plural, name, subresource));
    }

    /** Whether the path names a collection rather than one object. */
    boolean isCollection() {
        return name == null;
    }
}
