package io.aidevops.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrategicMergePatchTest {

    private static final Map<String, Object> POD_SPEC = Map.of("containers", List.of(
            Map.of("name", "app", "image", "shop:v1", "ports", List.of(Map.of("containerPort", 8080))),
            Map.of("name", "sidecar", "image", "proxy:1")));

    @Test
    void shouldMergeListsOfNamedObjectsElementByElement() {
        Object patched = StrategicMergePatch.apply(POD_SPEC, Map.of(
                "$setElementOrder/containers", List.of(Map.of("name", "app"), Map.of("name", "sidecar")),
                "containers", List.of(Map.of("name", "app", "image", "shop:v2"))));

        assertThat(patched).isEqualTo(Map.of("containers", List.of(
                Map.of("name", "app", "image", "shop:v2", "ports", List.of(Map.of("containerPort", 8080))),
                Map.of("name", "sidecar", "image", "proxy:1"))));
    }

    @Test
    void shouldAddDeleteAndRemoveFields() {
        Map<String, Object> nullImage = new java.util.HashMap<>();
        nullImage.put("name", "sidecar");
        nullImage.put("image", null);

        Object patched = StrategicMergePatch.apply(POD_SPEC, Map.of("containers", List.of(
                Map.of("name", "app", "$patch", "delete"),
                nullImage,
                Map.of("name", "extra", "image", "log:2"))));

        assertThat(patched).isEqualTo(Map.of("containers", List.of(
                Map.of("name", "sidecar"),
                Map.of("name", "extra", "image", "log:2"))));
    }

    @Test
    void shouldReplaceListsWithoutAMergeKey() {
        Object patched = StrategicMergePatch.apply(Map.of("args", List.of("a", "b")), Map.of("args", List.of("c")));

        assertThat(patched).isEqualTo(Map.of("args", List.of("c")));
    }
}
