package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodTemplateHashTest {

    private final PodTemplateSpec template = Workloads.deployment("web", "shop:v1", 1).build().getSpec().getTemplate();

    @Test
    void shouldBeStableAndInTheSafeAlphabet() {
        assertThat(PodTemplateHash.of(template)).isEqualTo(PodTemplateHash.of(template))
                .matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    }

    @Test
    void shouldChangeWithTheTemplate() {
        PodTemplateSpec changed = new PodTemplateSpecBuilder(template).editSpec().editFirstContainer()
                .withImage("shop:v2").endContainer().endSpec().build();

        assertThat(PodTemplateHash.of(changed)).isNotEqualTo(PodTemplateHash.of(template));
    }

    @Test
    void shouldIgnoreWhatDoesNotChangeThePods() {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("tier", "web");
        reordered.put("app", "web");
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("app", "web");
        ordered.put("tier", "web");
        PodTemplateSpec first = new PodTemplateSpecBuilder(template).editMetadata().withLabels(ordered).endMetadata()
                .build();
        PodTemplateSpec second = new PodTemplateSpecBuilder(template).editMetadata().withLabels(reordered)
                .addToLabels(PodTemplateHash.LABEL, "whatever").endMetadata()
                .editSpec().editFirstContainer().withResources(new ResourceRequirements()).endContainer().endSpec()
                .build();

        assertThat(PodTemplateHash.of(second)).isEqualTo(PodTemplateHash.of(first));
    }
}
