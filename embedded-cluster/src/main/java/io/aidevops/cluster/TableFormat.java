package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The columns {@code kubectl get} shows for one kind, and how to fill them from an object: the server-side printing
 * a real API server does for the built-in kinds, for the kinds the simulator animates.
 *
 * @param type the typed model class objects of this kind are converted to
 * @param columns column names, as kubectl prints them (upper-cased by kubectl)
 * @param cells the row of one object; the second argument gives the ages
 */
record TableFormat<T extends HasMetadata>(Class<T> type, List<String> columns,
        BiFunction<T, Ages, List<Object>> cells) {

    /**
     * Ages of timestamps. Creation timestamps come from the mock API server, which stamps them with the wall clock;
     * status timestamps come from the simulator's clock. Each is measured against its own clock, so ages make sense
     * on a simulated clock too.
     */
    record Ages(Clock simulated) {

        String sinceCreation(HasMetadata object) {
            return since(object.getMetadata().getCreationTimestamp(), Clock.systemUTC());
        }

        String sinceSimulated(String timestamp) {
            return since(timestamp, simulated);
        }

        private static String since(String timestamp, Clock clock) {
            Instant instant = KubeTime.parse(timestamp);
            return instant == null ? "<unknown>" : HumanDuration.of(Duration.between(instant, clock.instant()));
        }
    }

    /** The formats by kind. */
    static Map<String, TableFormat<?>> byKind() {
        return Map.of(
                "Deployment", new TableFormat<>(Deployment.class,
                        List.of("Name", "Ready", "Up-to-date", "Available", "Age"), TableFormat::deployment),
                "ReplicaSet", new TableFormat<>(ReplicaSet.class,
                        List.of("Name", "Desired", "Current", "Ready", "Age"), TableFormat::replicaSet),
                "Pod", new TableFormat<>(Pod.class,
                        List.of("Name", "Ready", "Status", "Restarts", "Age"), TableFormat::pod),
                "Node", new TableFormat<>(Node.class,
                        List.of("Name", "Status", "Roles", "Age", "Version"), TableFormat::node),
                "Namespace", new TableFormat<>(Namespace.class,
                        List.of("Name", "Status", "Age"), TableFormat::namespace),
                "Event", new TableFormat<>(Event.class,
                        List.of("Last Seen", "Type", "Reason", "Object", "Message"), TableFormat::event));
    }

    private static List<Object> deployment(Deployment deployment, Ages ages) {
        int desired = RolloutBudget.desiredReplicas(deployment);
        var status = deployment.getStatus();
        return List.of(deployment.getMetadata().getName(),
                count(status == null ? null : status.getReadyReplicas()) + "/" + desired,
                count(status == null ? null : status.getUpdatedReplicas()),
                count(status == null ? null : status.getAvailableReplicas()),
                ages.sinceCreation(deployment));
    }

    private static List<Object> replicaSet(ReplicaSet replicaSet, Ages ages) {
        var status = replicaSet.getStatus();
        return List.of(replicaSet.getMetadata().getName(), RolloutState.size(replicaSet),
                count(status == null ? null : status.getReplicas()),
                count(status == null ? null : status.getReadyReplicas()),
                ages.sinceCreation(replicaSet));
    }

    /** The pod's STATUS and RESTARTS the way kubectl's printer derives them from container states. */
    private static List<Object> pod(Pod pod, Ages ages) {
        var status = pod.getStatus();
        List<ContainerStatus> containers = status == null || status.getContainerStatuses() == null
                ? List.of() : status.getContainerStatuses();
        String reason = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
        int ready = 0;
        int restarts = 0;
        String lastRestart = null;
        for (ContainerStatus container : containers) {
            restarts += count(container.getRestartCount());
            if (container.getLastState() != null && container.getLastState().getTerminated() != null) {
                String finished = container.getLastState().getTerminated().getFinishedAt();
                lastRestart = lastRestart == null || finished.compareTo(lastRestart) > 0 ? finished : lastRestart;
            }
            if (container.getState() != null && container.getState().getWaiting() != null
                    && container.getState().getWaiting().getReason() != null) {
                reason = container.getState().getWaiting().getReason();
            } else if (Boolean.TRUE.equals(container.getReady())) {
                ready++;
            }
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            reason = "Terminating";
        }
        String restartText = restarts == 0 || lastRestart == null
                ? String.valueOf(restarts) : restarts + " (" + ages.sinceSimulated(lastRestart) + " ago)";
        int total = pod.getSpec() == null || pod.getSpec().getContainers() == null
                ? containers.size() : pod.getSpec().getContainers().size();
        return List.of(pod.getMetadata().getName(), ready + "/" + total, reason, restartText,
                ages.sinceCreation(pod));
    }

    private static List<Object> node(Node node, Ages ages) {
        boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(condition -> "Ready".equals(condition.getType())
                                && "True".equals(condition.getStatus()));
        String roles = Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of()).keySet().stream()
                .filter(label -> label.startsWith("node-role.kubernetes.io/"))
                .map(label -> label.substring("node-role.kubernetes.io/".length()))
                .reduce((first, second) -> first + "," + second).orElse("<none>");
        String version = node.getStatus() == null || node.getStatus().getNodeInfo() == null
                ? "" : node.getStatus().getNodeInfo().getKubeletVersion();
        return List.of(node.getMetadata().getName(), ready ? "Ready" : "NotReady", roles, ages.sinceCreation(node),
                version);
    }

    private static List<Object> namespace(Namespace namespace, Ages ages) {
        String phase = namespace.getStatus() == null || namespace.getStatus().getPhase() == null
                ? "Active" : namespace.getStatus().getPhase();
        return List.of(namespace.getMetadata().getName(), phase, ages.sinceCreation(namespace));
    }

    private static List<Object> event(Event event, Ages ages) {
        var involved = event.getInvolvedObject();
        String object = involved == null ? "" : involved.getKind().toLowerCase(Locale.ROOT) + "/"
                + involved.getName();
        return List.of(ages.sinceSimulated(event.getLastTimestamp()), String.valueOf(event.getType()),
                String.valueOf(event.getReason()), object, String.valueOf(event.getMessage()));
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
