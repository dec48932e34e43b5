package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubeconfigTest extends WithSteppedCluster {

    @Test
    void shouldWriteAKubeconfigThatFabric8AcceptsAndThatReachesTheCluster(@TempDir Path directory) throws IOException {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");

        Path file = cluster.cluster().writeKubeconfig(directory.resolve("nested/kubeconfig"));
        Config config = Config.fromKubeconfig(Files.readString(file));

        assertThat(config.getMasterUrl()).isEqualTo(cluster.cluster().apiServerUrl() + "/");
        assertThat(config.getNamespace()).isEqualTo("default");
        assertThat(config.getCurrentContext().getName()).isEqualTo("aidevops-embedded");
        assertThat(config.getCurrentContext().getContext().getCluster()).isEqualTo("aidevops-embedded");
        assertThat(config.getAutoOAuthToken()).isEqualTo("aidevops-embedded-token");
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            List<Pod> pods = client.pods().list().getItems();
            assertThat(pods).hasSize(2).allSatisfy(pod -> assertThat(pod.getMetadata().getName()).startsWith("web-"));
            assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("32");
        }
    }

    @Test
    void shouldKeepTheKubeconfigPrivateToItsOwner(@TempDir Path directory) throws IOException {
        Path file = cluster.cluster().writeKubeconfig(directory.resolve("kubeconfig"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("current-context: \"aidevops-embedded\"")
                .contains("server: \"" + cluster.cluster().apiServerUrl() + "\"");
    }
    @Test
    void shouldRecogniseItsOwnKubeconfigAndNoOther() {
        String own = new Kubeconfig("http://127.0.0.1:41234").yaml();

        assertThat(EmbeddedCluster.serverOfOwnKubeconfig(own)).contains(java.net.URI.create("http://127.0.0.1:41234"));
        assertThat(EmbeddedCluster.serverOfOwnKubeconfig(own.replace(Kubeconfig.TOKEN, "real-token")))
                .as("another token").isEmpty();
        assertThat(EmbeddedCluster.serverOfOwnKubeconfig(new Kubeconfig("https://k8s.example").yaml()))
                .as("not loopback, no port").isEmpty();
        assertThat(EmbeddedCluster.serverOfOwnKubeconfig(new Kubeconfig("http://127.0.0.1").yaml()))
                .as("no explicit port").isEmpty();
        assertThat(EmbeddedCluster.serverOfOwnKubeconfig("clusters: [not: a kubeconfig")).isEmpty();
        assertThat(EmbeddedCluster.serverOfOwnKubeconfig("""
                apiVersion: v1
                kind: Config
                current-context: aidevops-embedded
                clusters: [{name: aidevops-embedded, cluster: {server: "http://127.0.0.1:6443"}}]
                contexts: [{name: aidevops-embedded, context: {cluster: aidevops-embedded, user: aidevops-embedded-user}}]
                users: [{name: aidevops-embedded-user, user: {token: aidevops-embedded-token,
                  exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/false}}}]
                """)).as("a credential command makes it somebody else's").isEmpty();
    }
}
