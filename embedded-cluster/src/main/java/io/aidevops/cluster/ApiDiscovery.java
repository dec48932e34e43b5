package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The discovery documents of the embedded API server ({@code /version}, {@code /api}, {@code /apis},
 * {@code /api/v1}, {@code /apis/<group>/<version>}, ...).
 *
 * <p>fabric8's CRUD dispatcher has no discovery of its own: {@code /api} and {@code /apis} do not even parse as
 * resource paths there, so it would answer them with a list of every stored object, and {@code /api/v1} with an
 * empty list instead of an {@code APIResourceList}. kubectl cannot build its REST mapping from that.
 *
 * <p>kubectl 1.32 first asks for aggregated discovery ({@code application/json;g=apidiscovery.k8s.io;v=v2;...})
 * but lists plain {@code application/json} as acceptable too. Answering with the legacy documents and the plain JSON
 * content type makes client-go fall back to legacy discovery, which is much smaller to serve.
 */
final class ApiDiscovery {

    /** The Kubernetes release the embedded server claims to be; kubectl's version dispatcher picks its 1.32 binary. */
    static final String MAJOR = "1";
    static final String MINOR = "32";

    private static final List<String> READ_WRITE_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

    private final List<ServedResource> resources;
    private final String serverAddress;
    private final Map<String, String> documents;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /**
     * @param resources the types to advertise
     * @param serverAddress {@code host:port} clients use to reach the server
     */
    ApiDiscovery(List<ServedResource> resources, String serverAddress) {
        this.resources = List.copyOf(resources);
        this.serverAddress = serverAddress;
        this.documents = buildDocuments();
    }

    /**
     * The discovery document served at {@code path} (without query string).
     *
     * @return the JSON body, or empty if {@code path} is not a discovery path
     */
    Optional<String> document(String path) {
        return Optional.ofNullable(documents.get(path));
    }

    private Map<String, String> buildDocuments() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("/version", serialization.asJson(version()));
        result.put("/api", serialization.asJson(new APIVersionsBuilder()
                .withVersions("v1")
                .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress)
                .build()));
        result.put("/apis", serialization.asJson(new APIGroupListBuilder().withGroups(groups()).build()));
        for (APIGroup group : groups()) {
            result.put("/apis/" + group.getName(), serialization.asJson(group));
        }
        for (String groupVersion : groupVersions()) {
            List<ServedResource> inVersion = resources.stream()
                    .filter(resource -> resource.groupVersion().equals(groupVersion))
                    .collect(Collectors.toList());
            String path = inVersion.get(0).discoveryPath();
            result.put(path, serialization.asJson(new APIResourceListBuilder()
                    .withGroupVersion(groupVersion)
                    .withResources(apiResources(inVersion))
                    .build()));
        }
        List<String> rootPaths = new ArrayList<>(result.keySet());
        rootPaths.addAll(List.of("/healthz", "/livez", "/readyz"));
        result.put("/", serialization.asJson(new RootPathsBuilder().withPaths(rootPaths).build()));
        return Map.copyOf(result);
    }

    private static Map<String, String> version() {
        Map<String, String> version = new LinkedHashMap<>();
        version.put("major", MAJOR);
        version.put("minor", MINOR);
        version.put("gitVersion", "v" + MAJOR + "." + MINOR + ".0");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2026-01-01T00:00:00Z");
        version.put("goVersion", "go1.23");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    private TreeSet<String> groupVersions() {
        return resources.stream().map(ServedResource::groupVersion).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<APIGroup> groups() {
        Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
        resources.stream()
                .filter(resource -> !resource.group().isEmpty())
                .forEach(resource -> versionsByGroup.computeIfAbsent(resource.group(), group -> new ArrayList<>())
                        .add(resource.version()));
        List<APIGroup> groups = new ArrayList<>();
        versionsByGroup.forEach((name, versions) -> {
            List<GroupVersionForDiscovery> discovered = versions.stream().distinct()
                    .map(version -> new GroupVersionForDiscovery(name + "/" + version, version))
                    .collect(Collectors.toList());
            groups.add(new APIGroupBuilder()
                    .withName(name)
                    .withVersions(discovered)
                    .withPreferredVersion(discovered.get(0))
                    .build());
        });
        return groups;
    }

    private static List<APIResource> apiResources(List<ServedResource> inVersion) {
        List<APIResource> result = new ArrayList<>();
        for (ServedResource resource : inVersion) {
            result.add(new APIResourceBuilder()
                    .withName(resource.plural())
                    .withSingularName(resource.singular())
                    .withNamespaced(resource.namespaced())
                    .withKind(resource.kind())
                    .withVerbs(READ_WRITE_VERBS)
                    .withShortNames(resource.shortNames().isEmpty() ? null : resource.shortNames())
                    .withCategories(isWorkload(resource) ? List.of("all") : null)
                    .build());
            for (String subresource : resource.subresources()) {
                boolean scale = "scale".equals(subresource);
                result.add(new APIResourceBuilder()
                        .withName(resource.plural() + "/" + subresource)
                        .withSingularName("")
                        .withNamespaced(resource.namespaced())
                        .withGroup(scale ? "autoscaling" : null)
                        .withVersion(scale ? "v1" : null)
                        .withKind(scale ? "Scale" : resource.kind())
                        .withVerbs(SUBRESOURCE_VERBS)
                        .build());
            }
        }
        return result;
    }

    private static boolean isWorkload(ServedResource resource) {
        return List.of("pods", "services", "deployments", "replicasets", "statefulsets", "daemonsets")
                .contains(resource.plural());
    }
}
