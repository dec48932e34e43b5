package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.List;

/** What a fresh cluster has before anyone deploys anything: its system namespaces and its node. */
final class ClusterBootstrap {

    static final List<String> NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private ClusterBootstrap() {
    }

    /** Creates the namespaces and the node. */
    static void run(KubernetesClient client, Instant now) {
        for (String name : NAMESPACES) {
            Namespace namespace = new NamespaceBuilder()
                    .withNewMetadata().withName(name).addToLabels("kubernetes.io/metadata.name", name).endMetadata()
                    .withNewSpec().addToFinalizers("kubernetes").endSpec()
                    .withNewStatus().withPhase("Active").endStatus()
                    .build();
            client.namespaces().resource(namespace).create();
        }
        client.nodes().resource(ClusterNode.object(now)).create();
    }
}
