package io.aidevops.controller.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import io.aidevops.controller.kube.ClusterTarget;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.Test;

class ConfiguredClusterTest {

    @Test
    void followsTheConfiguredServerWhenItChangesAndForgetsItWhenItGoes() {
        var target = new AtomicReference<ClusterTarget>(configured("http://127.0.0.1:1111"));
        try (var cluster = new ConfiguredCluster(target::get)) {
            var first = cluster.client();
            assertThat(first.getMasterUrl().toString()).startsWith("http://127.0.0.1:1111");
            assertThat(cluster.client()).as("same server, same client").isSameAs(first);

            target.set(configured("http://127.0.0.1:2222"));
            assertThat(cluster.client().getMasterUrl().toString()).startsWith("http://127.0.0.1:2222");

            target.set(new ClusterTarget.Unavailable("embedded cluster is not running", "start it"));
            assertThatThrownBy(cluster::client).isInstanceOf(ClusterAccess.Unavailable.class)
                    .hasMessageContaining("embedded cluster is not running; start it");
        }
    }

    private static ClusterTarget configured(String url) {
        return new ClusterTarget.Configured(new ConfigBuilder().withMasterUrl(url).build(), "test " + url);
    }
}
