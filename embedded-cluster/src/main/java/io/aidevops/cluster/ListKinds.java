package io.aidevops.cluster;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives list responses their proper kind. fabric8's CRUD store answers every list as {@code v1 List}; a real API
 * server answers {@code apps/v1 ReplicaSetList} and so on. Typed clients care: client-go's decoder turns a
 * {@code v1 List} into an empty {@code ReplicaSetList}, which is why {@code kubectl rollout undo} found no history
 * and {@code kubectl describe} no events before this fix.
 */
final class ListKinds {

    /** How the CRUD store's list responses begin (see fabric8's KubernetesResponseComposer). */
    private static final Pattern STORE_LIST_PREFIX =
            Pattern.compile("^\\{\"apiVersion\":\"v1\",\"kind\":\"List\",\\s*");

    private final List<ServedResource> resources;

    ListKinds(List<ServedResource> resources) {
        this.resources = List.copyOf(resources);
    }

    /**
     * The list response {@code body} for {@code path}, with the list kind of the listed resource.
     *
     * @return the corrected body, or {@code body} itself if it is no store list or the resource is unknown
     */
    String correct(String path, String body) {
        Matcher prefix = STORE_LIST_PREFIX.matcher(body);
        if (!prefix.lookingAt()) {
            return body;
        }
        Optional<ServedResource> listed = ResourcePath.parse(path)
                .filter(ResourcePath::isCollection)
                .flatMap(parsed -> resources.stream()
                        .filter(resource -> resource.group().equals(parsed.group())
                                && resource.version().equals(parsed.version())
                                && resource.plural().equals(parsed.plural()))
                        .findFirst());
        return listed.map(resource -> "{\"apiVersion\":\"" + resource.groupVersion() + "\",\"kind\":\""
                + resource.kind() + "List\"," + body.substring(prefix.end())).orElse(body);
    }
}
