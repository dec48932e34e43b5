package io.aidevops.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh {@link SteppedCluster} for every test, stopped after it. JUnit runs this class's {@code @BeforeEach} before a
 * subclass's own, so a subclass may use {@link #cluster} in its set-up.
 */
abstract class WithSteppedCluster {
    /** The cluster of the running test. */
    SteppedCluster cluster;

    @BeforeEach
    final void startCluster() {
        cluster = SteppedCluster.start();
    }

    @AfterEach
    final void stopCluster() {
        cluster.close();
    }
}
