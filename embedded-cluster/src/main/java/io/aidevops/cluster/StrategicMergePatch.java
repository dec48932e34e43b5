package io.aidevops.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a Kubernetes strategic merge patch, which kubectl sends for {@code set image}, {@code edit},
 * {@code apply}, {@code rollout restart} and {@code rollout undo}, and which fabric8's CRUD store rejects with 415.
 *
 * <p>It is a JSON merge patch except for lists of objects that carry a merge key ({@code name} for containers,
 * env, volumes; {@code containerPort} for ports; {@code mountPath}; {@code type} for conditions): those are merged
 * element by element instead of replaced, and an element with {@code $patch: delete} is removed. The
 * {@code $setElementOrder}, {@code $retainKeys} and {@code $deleteFromPrimitiveList} directives are ignored.
 */
final class StrategicMergePatch {

    private static final List<String> MERGE_KEYS = List.of("name", "containerPort", "mountPath", "type");
    private static final String PATCH_DIRECTIVE = "$patch";

    private StrategicMergePatch() {
    }

    /** {@code patch} applied to {@code target}, both parsed JSON; the inputs are not changed. */
    static Object apply(Object target, Object patch) {
        if (patch instanceof Map) {
            return applyToObject(target instanceof Map ? (Map<?, ?>) target : Map.of(), (Map<?, ?>) patch);
        }
        if (patch instanceof List && target instanceof List) {
            Optional<String> mergeKey = mergeKey((List<?>) patch);
            if (mergeKey.isPresent()) {
                return applyToList((List<?>) target, (List<?>) patch, mergeKey.get());
            }
        }
        return patch;
    }

    private static Map<String, Object> applyToObject(Map<?, ?> target, Map<?, ?> patch) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!"replace".equals(patch.get(PATCH_DIRECTIVE))) {
            target.forEach((key, value) -> result.put(String.valueOf(key), value));
        }
        patch.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith("$")) {
                return;
            }
            if (value == null) {
                result.remove(name);
            } else {
                result.put(name, apply(result.get(name), value));
            }
        });
        return result;
    }

    private static List<Object> applyToList(List<?> target, List<?> patch, String mergeKey) {
        List<Object> result = new ArrayList<>(target);
        for (Object element : patch) {
            Map<?, ?> patchElement = (Map<?, ?>) element;
            Object key = patchElement.get(mergeKey);
            int index = indexOf(result, mergeKey, key);
            if ("delete".equals(patchElement.get(PATCH_DIRECTIVE))) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, apply(result.get(index), patchElement));
            } else {
                result.add(apply(Map.of(), patchElement));
            }
        }
        return result;
    }

    private static int indexOf(List<Object> list, String mergeKey, Object key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map && key != null && key.equals(((Map<?, ?>) list.get(i)).get(mergeKey))) {
                return i;
            }
        }
        return -1;
    }

    /** The merge key every element of {@code patch} carries, if the list is one of mergeable objects. */
    private static Optional<String> mergeKey(List<?> patch) {
        if (patch.isEmpty() || !patch.stream().allMatch(Map.class::isInstance)) {
            return Optional.empty();
        }
        return MERGE_KEYS.stream()
                .filter(key -> patch.stream().allMatch(element -> ((Map<?, ?>) element).containsKey(key)))
                .findFirst();
    }
}
