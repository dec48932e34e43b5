package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.time.Instant;
import java.util.Optional;

/** Reads a pod's readiness and availability from its status, the way controllers see it through the API. */
final class PodConditions {

    static final String READY = "Ready";

    private PodConditions() {
    }

    /** Whether the pod counts at all: not being deleted, not finished. */
    static boolean isActive(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return pod.getMetadata().getDeletionTimestamp() == null
                && !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    /** Whether the pod's {@code Ready} condition is true. */
    static boolean isReady(Pod pod) {
        return readyCondition(pod).map(condition -> "True".equals(condition.getStatus())).orElse(false);
    }

    /** Whether the pod has been ready for at least {@code minReadySeconds} at {@code now}. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant readySince = readyCondition(pod).map(PodCondition::getLastTransitionTime).map(KubeTime::parse)
                .orElse(now);
        return !readySince.plusSeconds(minReadySeconds).isAfter(now);
    }

    /** The sum of the restart counts of the pod's containers. */
    static int restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .mapToInt(status -> status.getRestartCount() == null ? 0 : status.getRestartCount())
                .sum();
    }

    private static Optional<PodCondition> readyCondition(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(condition -> READY.equals(condition.getType()))
                .findFirst();
    }
}
