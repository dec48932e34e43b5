package io.aidevops.deploy.traffic;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and editing custom resources (VirtualService, HTTPRoute) as fabric8 {@link GenericKubernetesResource}s:
 * the routers need a few fields of each, which does not justify a model jar per mesh.
 */
final class GenericObjects {

    /** Istio's VirtualService, networking.istio.io/v1. */
    static final ResourceDefinitionContext VIRTUAL_SERVICE = context("networking.istio.io", "v1", "VirtualService",
            "virtualservices");
    /** Gateway API's HTTPRoute, gateway.networking.k8s.io/v1. */
    static final ResourceDefinitionContext HTTP_ROUTE = context("gateway.networking.k8s.io", "v1", "HTTPRoute",
            "httproutes");

    private GenericObjects() {
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    static Resource<GenericKubernetesResource> resource(KubernetesClient client, ResourceDefinitionContext context,
            String namespace, String name) {
        return client.genericKubernetesResources(context).inNamespace(namespace).withName(name);
    }

    /** The object's {@code spec}, empty (and attached) if it has none. */
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?>) {
            return cast(spec);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        resource.getAdditionalProperties().put("spec", created);
        return created;
    }

    /** The list of mappings under {@code key}; empty if absent. Entries that are not mappings are left out. */
    static List<Map<String, Object>> mappings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?>) {
                    result.add(cast(item));
                }
            }
        }
        return result;
    }

    /** The mapping under {@code key}, or an empty one if absent. */
    static Map<String, Object> mapping(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> ? cast(value) : Map.of();
    }

    /** Appends {@code item} to the list under {@code key}, creating the list if needed. */
    static void append(Map<String, Object> parent, String key, Map<String, Object> item) {
        Object value = parent.get(key);
        List<Object> list = value instanceof List<?> ? new ArrayList<>((List<?>) value) : new ArrayList<>();
        list.add(item);
        parent.put(key, list);
    }

    /** A deep copy of a JSON-like value (maps, lists, scalars). */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** Whether a service reference names {@code service}: the short name or a DNS name starting with it. */
    static boolean namesService(String host, String service) {
        return host != null && (host.equals(service) || host.startsWith(service + "."));
    }

    /** The mapping under {@code key}, created (and attached) if absent. */
    static Map<String, Object> mutableMapping(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?>) {
            return cast(value);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
