package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pod-template-hash} of a pod template: what names a Deployment's ReplicaSets and tells which of them runs
 * the current template.
 *
 * <p>Like Kubernetes, this is an FNV-1a 32-bit hash encoded in the safe alphabet. Kubernetes hashes a Go dump of the
 * defaulted template; the embedded server applies no defaults, so the hash is taken over a canonical JSON form
 * instead: map keys sorted, nulls and empty maps and lists dropped, and the hash label itself left out. That way a
 * client that writes {@code "resources": {}} or orders labels differently does not trigger a rollout.
 */
final class PodTemplateHash {

    /** The label carrying the hash on ReplicaSets and Pods. */
    static final String LABEL = "pod-template-hash";

    private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private PodTemplateHash() {
    }

    /** The hash of {@code template}. */
    static String of(PodTemplateSpec template) {
        Object canonical = canonical(SERIALIZATION.convertValue(template, Map.class));
        if (canonical instanceof Map) {
            removeHashLabel((Map<?, ?>) canonical);
        }
        int hash = FNV_OFFSET_BASIS;
        for (byte b : SERIALIZATION.asJson(canonical).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return NameGenerator.safeEncode(Integer.toUnsignedString(hash));
    }

    private static void removeHashLabel(Map<?, ?> template) {
        Object metadata = template.get("metadata");
        if (metadata instanceof Map) {
            Object labels = ((Map<?, ?>) metadata).get("labels");
            if (labels instanceof Map) {
                ((Map<?, ?>) labels).remove(LABEL);
            }
        }
    }

    /** Sorted maps, no nulls, no empty containers; null if nothing is left. */
    private static Object canonical(Object value) {
        if (value instanceof Map) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<?, ?>) value).forEach((key, entry) -> {
                Object canonicalEntry = canonical(entry);
                if (canonicalEntry != null) {
                    sorted.put(String.valueOf(key), canonicalEntry);
                }
            });
            return sorted.isEmpty() ? null : sorted;
        }
        if (value instanceof Collection) {
            List<Object> list = new ArrayList<>();
            for (Object element : (Collection<?>) value) {
                Object canonicalElement = canonical(element);
                if (canonicalElement != null) {
                    list.add(canonicalElement);
                }
            }
            return list.isEmpty() ? null : list;
        }
        return value;
    }
}
