package io.aidevops.cluster;

import java.time.Instant;

/**
 * How a container's previous run ended; becomes {@code lastState.terminated}.
 *
 * @param reason e.g. {@code Error}, {@code OOMKilled}
 * @param exitCode the process's exit code
 * @param message details, may be null
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param containerId the ID of the ended run's container
 */
record Termination(String reason, int exitCode, String message, Instant startedAt, Instant finishedAt,
        String containerId) {
}
