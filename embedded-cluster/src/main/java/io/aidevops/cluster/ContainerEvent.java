package io.aidevops.cluster;

import java.time.Instant;

/**
 * Something that happened to a simulated container, reported as a Kubernetes event about its pod.
 *
 * @param at when it happened
 * @param container the container's name
 * @param type normal or warning
 * @param reason e.g. {@code Started}, {@code BackOff}, {@code OOMKilling}
 * @param message the human-readable message
 */
record ContainerEvent(Instant at, String container, EventType type, String reason, String message) {
}
