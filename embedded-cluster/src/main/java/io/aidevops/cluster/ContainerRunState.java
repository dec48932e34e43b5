package io.aidevops.cluster;

import java.time.Instant;

/** The current state of a simulated container; a container that exited is already waiting to restart. */
sealed interface ContainerRunState permits ContainerRunState.Running, ContainerRunState.Waiting {

    /** The container's process runs. */
    record Running(Instant startedAt) implements ContainerRunState {
    }

    /**
     * The container does not run yet or again.
     *
     * @param reason {@code ContainerCreating} or {@code CrashLoopBackOff}
     * @param message details, may be null
     */
    record Waiting(String reason, String message) implements ContainerRunState {
    }
}
