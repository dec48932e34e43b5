package io.aidevops.cluster;

import java.time.Instant;

/**
 * What the kubelet reports about one container at one instant.
 *
 * @param name the container's name
 * @param image the container's image
 * @param state running or waiting
 * @param ready whether the container is ready
 * @param readinessChangedAt when {@code ready} last changed
 * @param restartCount how often the container was restarted
 * @param lastTermination how the previous run ended, null if there was none
 * @param containerId the current (or, while waiting, the last) run's container ID, null before the first start
 */
record ContainerView(String name, String image, ContainerRunState state, boolean ready, Instant readinessChangedAt,
        int restartCount, Termination lastTermination, String containerId) {

    /** Whether the container's process runs. */
    boolean running() {
        return state instanceof ContainerRunState.Running;
    }
}
