package io.aidevops.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh {@link SteppedCluster} for every test, stopped after it. JUnit runs this class's {@code @BeforeEach} before a
 * subclass's own, so a subclass may use {@link #cluster} in its set-up.
 */
abstract class WithSteppedCluster {
    /** The cluster of the running test. */
    SteppedCluster cluster;
    /** Its client. */
    KubernetesClient client;
    /** Its API server's URL, for tests that speak HTTP to it directly. */
    String server;

    @BeforeEach
    final void startCluster() {
        cluster = SteppedCluster.start();
        client = cluster.client();
        server = cluster.cluster().apiServerUrl();
    }

    @AfterEach
    final void stopCluster() {
        cluster.close();
    }
}
