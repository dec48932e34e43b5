package io.aidevops.deploy.traffic;

import io.aidevops.deploy.ClusterFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;
import java.util.Map;

/** Routing objects as users write them, created from YAML as generic resources. */
final class RouterFixtures {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RouterFixtures() {
    }

    /** Creates a custom resource; the client is told its type, as it cannot discover it on the mock server. */
    static GenericKubernetesResource create(KubernetesClient client, ResourceDefinitionContext type, String yaml) {
        GenericKubernetesResource resource = SERIALIZATION.unmarshal(yaml, GenericKubernetesResource.class);
        return client.genericKubernetesResources(type).inNamespace(ClusterFixture.NAMESPACE).resource(resource)
                .create();
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (step instanceof Integer index) {
                current = ((List<Object>) current).get(index);
            } else {
                current = ((Map<String, Object>) current).get((String) step);
            }
        }
        return current;
    }
}
