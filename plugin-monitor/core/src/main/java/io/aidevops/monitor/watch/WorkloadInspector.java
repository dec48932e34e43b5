package io.aidevops.monitor.watch;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.Evidence;
import io.aidevops.monitor.alert.Fingerprint;
import io.aidevops.monitor.alert.Severity;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Judges the watched state: everything that is wrong with the workloads right now, one alert per workload and kind.
 * Level-triggered and free of side effects, so seeing the same state twice (a resync, a relist after a disconnect,
 * a restarted monitor) gives the same alerts with the same fingerprints.
 *
 * <p>Per container, the most specific problem wins: a container whose last termination was {@code OOMKilled} is
 * {@link AlertKind#OOM_KILLED} (also while it waits in {@code CrashLoopBackOff} afterwards); one waiting in
 * {@code CrashLoopBackOff} after another exit is {@link AlertKind#CRASH_LOOP}; any other restart is
 * {@link AlertKind#CONTAINER_RESTARTED}. A container counts as failing while it is not ready after a termination or
 * for the settle time after it. An open crash-loop alert holds through the short runs between back-offs (the
 * container runs, unready, for a moment), so it does not flap into a restart alert.
 *
 * <p>Per Deployment: {@code Progressing=False/ProgressDeadlineExceeded} is {@link AlertKind#ROLLOUT_FAILED};
 * {@code Available=False} for longer than the grace period is {@link AlertKind#REPLICAS_UNAVAILABLE}.
 */
public final class WorkloadInspector {

    private static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    private static final String OOM_KILLED = "OOMKilled";
    private static final int EVENTS_PER_ALERT = 5;

    private final WatchSettings settings;

    /** @param settings settle time and grace period */
    public WorkloadInspector(WatchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Everything wrong now.
     *
     * @param state what the informers hold
     * @param now the time to judge at
     * @param isOpen whether an alert with a fingerprint is open (for the crash-loop hysteresis)
     * @return the alerts, first and last seen {@code now}
     */
    public List<Alert> inspect(ClusterState state, Instant now, Predicate<String> isOpen) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Pod pod : state.pods()) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                    || pod.getMetadata().getDeletionTimestamp() != null
                    || "Succeeded".equals(pod.getStatus().getPhase()) || "Failed".equals(pod.getStatus().getPhase())) {
                // A pod on its way out (a rolling update's old pods) or finished has stopped containers by design.
                continue;
            }
            String namespace = pod.getMetadata().getNamespace();
            String workload = state.workloadOf(pod);
            boolean crashLoopOpen = isOpen.test(Fingerprint.of(AlertKind.CRASH_LOOP, namespace, workload,
                    CRASH_LOOP_BACK_OFF));
            for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
                AlertKind kind = judge(container, now, crashLoopOpen);
                if (kind != null) {
                    findings.computeIfAbsent(namespace + "/" + workload + "/" + kind,
                                    k -> new Finding(kind, namespace, workload))
                            .add(pod, describe(pod, container));
                }
            }
        }
        for (Deployment deployment : state.deployments()) {
            judge(deployment, now, findings);
        }
        List<Alert> alerts = new ArrayList<>();
        for (Finding finding : findings.values()) {
            alerts.add(finding.toAlert(state, now));
        }
        return alerts;
    }

    private AlertKind judge(ContainerStatus container, Instant now, boolean crashLoopOpen) {
        ContainerState current = container.getState();
        String waiting = current != null && current.getWaiting() != null ? current.getWaiting().getReason() : null;
        ContainerStateTerminated termination = current != null && current.getTerminated() != null
                ? current.getTerminated()
                : container.getLastState() != null ? container.getLastState().getTerminated() : null;
        boolean ready = Boolean.TRUE.equals(container.getReady());
        if (termination == null) {
            return CRASH_LOOP_BACK_OFF.equals(waiting) ? AlertKind.CRASH_LOOP : null;
        }
        Instant finished = time(termination.getFinishedAt());
        boolean failing = !ready || finished == null || finished.plus(settings.settleTime()).isAfter(now);
        if (!failing) {
            return null;
        }
        if (OOM_KILLED.equals(termination.getReason())) {
            return AlertKind.OOM_KILLED;
        }
        if (CRASH_LOOP_BACK_OFF.equals(waiting) || crashLoopOpen) {
            return AlertKind.CRASH_LOOP;
        }
        // A container that stopped cleanly and never restarted (an init-like sidecar that completed) is no restart.
        boolean restarted = container.getRestartCount() != null && container.getRestartCount() > 0;
        boolean failed = termination.getExitCode() != null && termination.getExitCode() != 0;
        return restarted || failed ? AlertKind.CONTAINER_RESTARTED : null;
    }

    private void judge(Deployment deployment, Instant now, Map<String, Finding> findings) {
        if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return;
        }
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        int desired = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        int available = valueOf(deployment.getStatus().getAvailableReplicas());
        int updated = valueOf(deployment.getStatus().getUpdatedReplicas());
        for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
            if ("Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())
                    && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                findings.computeIfAbsent(namespace + "/" + name + "/rollout",
                        k -> new Finding(AlertKind.ROLLOUT_FAILED, namespace, name)).add(null,
                        "Deployment " + name + ": Progressing=False, ProgressDeadlineExceeded since "
                                + condition.getLastTransitionTime() + ": " + condition.getMessage() + " ("
                                + updated + " of " + desired + " replicas updated, " + available + " available)");
            }
            Instant since = time(condition.getLastTransitionTime());
            if ("Available".equals(condition.getType()) && "False".equals(condition.getStatus()) && desired > 0
                    && (since == null || !since.plus(settings.unavailableGrace()).isAfter(now))) {
                Finding finding = findings.computeIfAbsent(namespace + "/" + name + "/available",
                        k -> new Finding(AlertKind.REPLICAS_UNAVAILABLE, namespace, name));
                finding.add(null, "Deployment " + name + ": Available=False (" + condition.getReason() + ") since "
                        + condition.getLastTransitionTime() + "; " + available + " of " + desired
                        + " replicas available");
                finding.noneAvailable = available == 0;
            }
        }
    }

    private static String describe(Pod pod, ContainerStatus container) {
        StringBuilder text = new StringBuilder("pod ").append(pod.getMetadata().getName()).append(" container ")
                .append(container.getName()).append(": ");
        ContainerState state = container.getState();
        if (state != null && state.getWaiting() != null) {
            text.append("waiting (").append(state.getWaiting().getReason()).append(")");
        } else if (state != null && state.getTerminated() != null) {
            text.append("terminated");
        } else {
            text.append(Boolean.TRUE.equals(container.getReady()) ? "running, ready" : "running, not ready");
        }
        ContainerStateTerminated last = state != null && state.getTerminated() != null ? state.getTerminated()
                : container.getLastState() != null ? container.getLastState().getTerminated() : null;
        if (last != null) {
            text.append(", last exit ").append(last.getReason()).append(" (code ").append(last.getExitCode())
                    .append(") at ").append(last.getFinishedAt());
        }
        return text.append(", ").append(valueOf(container.getRestartCount())).append(" restart(s)").toString();
    }

    private static Instant time(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int valueOf(Integer value) {
        return value == null ? 0 : value;
    }

    /** What was found of one kind for one workload, before it becomes an alert. */
    private static final class Finding {
        private static final Map<AlertKind, String> SUBJECTS = new EnumMap<>(Map.of(
                AlertKind.CRASH_LOOP, CRASH_LOOP_BACK_OFF,
                AlertKind.OOM_KILLED, OOM_KILLED,
                AlertKind.CONTAINER_RESTARTED, "Restarted",
                AlertKind.ROLLOUT_FAILED, "ProgressDeadlineExceeded",
                AlertKind.REPLICAS_UNAVAILABLE, "MinimumReplicasUnavailable"));

        final AlertKind kind;
        final String namespace;
        final String workload;
        final List<String> observations = new ArrayList<>();
        final Set<String> pods = new HashSet<>();
        boolean noneAvailable;

        Finding(AlertKind kind, String namespace, String workload) {
            this.kind = kind;
            this.namespace = namespace;
            this.workload = workload;
        }

        void add(Pod pod, String observation) {
            if (pod != null) {
                pods.add(pod.getMetadata().getName());
            }
            observations.add(observation);
        }

        Alert toAlert(ClusterState state, Instant now) {
            List<String> evidence = new ArrayList<>(observations);
            evidence.addAll(warnings(state));
            String where = namespace + "/" + workload;
            String title;
            String summary;
            Severity severity = Severity.CRITICAL;
            switch (kind) {
                case CRASH_LOOP:
                    title = where + ": containers crash looping";
                    summary = "Containers of " + pods.size() + " pod(s) of " + where + " keep exiting and the "
                            + "kubelet backs off restarting them; the pods are not ready.";
                    break;
                case OOM_KILLED:
                    title = where + ": containers OOM-killed";
                    summary = "Containers of " + pods.size() + " pod(s) of " + where + " were killed for exceeding "
                            + "their memory limit. Raise the limit or look for a leak.";
                    break;
                case CONTAINER_RESTARTED:
                    severity = Severity.WARNING;
                    title = where + ": containers restarted";
                    summary = "Containers of " + pods.size() + " pod(s) of " + where + " exited and were "
                            + "restarted.";
                    break;
                case ROLLOUT_FAILED:
                    title = where + ": rollout failed";
                    summary = "The rollout of " + where + " made no progress within its progress deadline; the "
                            + "new pods do not become available. Roll back or fix the new version.";
                    break;
                default:
                    severity = noneAvailable ? Severity.CRITICAL : Severity.WARNING;
                    title = where + ": replicas unavailable";
                    summary = where + " has fewer available replicas than it needs"
                            + (noneAvailable ? ", none at all." : ".");
                    break;
            }
            return Alert.of(kind, severity, namespace, workload, SUBJECTS.get(kind), title, summary, now,
                    Evidence.ofObservations(evidence));
        }

        /** The latest warning events about this workload's pods, or the Deployment and its ReplicaSets. */
        private List<String> warnings(ClusterState state) {
            Set<String> replicaSets = new HashSet<>();
            for (ReplicaSet replicaSet : state.replicaSets()) {
                if (namespace.equals(replicaSet.getMetadata().getNamespace()) && replicaSet.getMetadata()
                        .getName().startsWith(workload + "-")) {
                    replicaSets.add(replicaSet.getMetadata().getName());
                }
            }
            List<Event> related = new ArrayList<>();
            for (Event event : state.events()) {
                if (!"Warning".equals(event.getType()) || event.getInvolvedObject() == null
                        || !namespace.equals(event.getInvolvedObject().getNamespace())) {
                    continue;
                }
                String kindOfObject = event.getInvolvedObject().getKind();
                String name = event.getInvolvedObject().getName();
                boolean ours = ("Pod".equals(kindOfObject) && (pods.isEmpty() ? name.startsWith(workload + "-")
                        : pods.contains(name)))
                        || ("Deployment".equals(kindOfObject) && workload.equals(name))
                        || ("ReplicaSet".equals(kindOfObject) && replicaSets.contains(name));
                if (ours) {
                    related.add(event);
                }
            }
            related.sort(Comparator.comparing(Finding::lastTime).reversed());
            List<String> lines = new ArrayList<>();
            for (Event event : related.subList(0, Math.min(EVENTS_PER_ALERT, related.size()))) {
                lines.add("event " + event.getReason() + " on " + event.getInvolvedObject().getKind() + " "
                        + event.getInvolvedObject().getName() + " at " + lastTime(event) + ": " + event.getMessage()
                        + (event.getCount() != null && event.getCount() > 1 ? " (x" + event.getCount() + ")" : ""));
            }
            return lines;
        }

        private static String lastTime(Event event) {
            if (event.getLastTimestamp() != null) {
                return event.getLastTimestamp();
            }
            return event.getEventTime() != null && event.getEventTime().getTime() != null
                    ? event.getEventTime().getTime() : "";
        }
    }
}
