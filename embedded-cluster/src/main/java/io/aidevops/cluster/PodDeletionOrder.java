package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Comparator;
import java.util.Map;

/**
 * The order in which a ReplicaSet gives up pods when scaled down, after Kubernetes' {@code ActivePods} ranking: the
 * pods that cost least to lose go first, so a scale-down removes unscheduled, pending and unready pods before
 * serving ones.
 */
final class PodDeletionOrder {

    private static final Map<String, Integer> PHASE_RANK = Map.of("Pending", 0, "Unknown", 1, "Running", 2);

    private PodDeletionOrder() {
    }

    /** First the pod to delete first. */
    static Comparator<Pod> comparator() {
        return Comparator.<Pod, Boolean>comparing(PodDeletionOrder::isScheduled)
                .thenComparing(pod -> PHASE_RANK.getOrDefault(phase(pod), 0))
                .thenComparing(PodConditions::isReady)
                .thenComparing(Comparator.comparingInt(PodConditions::restarts).reversed())
                .thenComparing(Comparator.comparing(PodDeletionOrder::startTime).reversed())
                .thenComparing(pod -> pod.getMetadata().getName());
    }

    private static boolean isScheduled(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null;
    }

    private static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    /** Newer pods go first; a pod without a start time has not started and counts as newest. */
    private static String startTime(Pod pod) {
        String startTime = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
        return startTime == null ? "9999" : startTime;
    }
}
