package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conditions of a Deployment's status, decided as Kubernetes' Deployment controller decides them.
 *
 * <p>{@code Available} compares available pods with {@code replicas - maxUnavailable}. {@code Progressing} is checked
 * in this order: paused ({@code Unknown}/{@code DeploymentPaused}), just resumed, complete
 * ({@code NewReplicaSetAvailable}), a new rollout ({@code NewReplicaSetCreated}), progress since the last status
 * ({@code ReplicaSetUpdated}, which restarts the deadline), and no progress for {@code progressDeadlineSeconds}
 * ({@code False}/{@code ProgressDeadlineExceeded}). A spec the simulator cannot roll out gets
 * {@code ReplicaFailure}/{@code InvalidSpec} with the problem as message, and its other conditions stay as they were.
 */
final class DeploymentConditions {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";
    static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
    static final String INVALID_SPEC = "InvalidSpec";
    private static final String PAUSED = "DeploymentPaused";
    private static final String RESUMED = "DeploymentResumed";
    private static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

    private final Map<String, DeploymentCondition> byType = new LinkedHashMap<>();
    private final String now;

    private DeploymentConditions(DeploymentStatus previous, Instant now) {
        if (previous != null && previous.getConditions() != null) {
            previous.getConditions().forEach(condition -> byType.put(condition.getType(), condition));
        }
        this.now = KubeTime.format(now);
    }

    /**
     * The next conditions.
     *
     * @param deployment the Deployment, with its previous status
     * @param counts its pods now
     * @param currentReplicaSet the name of the current template's ReplicaSet, null if it has none
     * @param problem what is wrong with its spec, if anything
     * @param now the instant of the pass
     */
    static List<DeploymentCondition> next(Deployment deployment, RolloutCounts counts, String currentReplicaSet,
            Optional<String> problem, Instant now) {
        DeploymentConditions conditions = new DeploymentConditions(deployment.getStatus(), now);
        if (problem.isPresent()) {
            conditions.set(REPLICA_FAILURE, "True", INVALID_SPEC, problem.get());
        } else {
            conditions.byType.remove(REPLICA_FAILURE);
            conditions.decideAvailable(deployment, counts);
            conditions.decideProgressing(deployment, counts, currentReplicaSet, now);
        }
        return new ArrayList<>(conditions.byType.values());
    }

    private void decideAvailable(Deployment deployment, RolloutCounts counts) {
        int minAvailable = RolloutBudget.of(deployment).minAvailable(RolloutBudget.desiredReplicas(deployment));
        if (counts.available() >= minAvailable) {
            set(AVAILABLE, "True", "MinimumReplicasAvailable", "Deployment has minimum availability.");
        } else {
            set(AVAILABLE, "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.");
        }
    }

    private void decideProgressing(Deployment deployment, RolloutCounts counts, String replicaSet, Instant instant) {
        DeploymentCondition progressing = byType.get(PROGRESSING);
        String reason = progressing == null ? null : progressing.getReason();
        String quoted = "\"" + replicaSet + "\"";
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            set(PROGRESSING, "Unknown", PAUSED, "Deployment is paused");
        } else if (PAUSED.equals(reason)) {
            set(PROGRESSING, "Unknown", RESUMED, "Deployment is resumed");
        } else if (replicaSet == null) {
            return;
        } else if (isComplete(deployment, counts)) {
            set(PROGRESSING, "True", NEW_REPLICA_SET_AVAILABLE,
                    "ReplicaSet " + quoted + " has successfully progressed.");
        } else if (progressing == null || !RESUMED.equals(reason) && !mentions(progressing, quoted)) {
            set(PROGRESSING, "True", "NewReplicaSetCreated", "Created new replica set " + quoted);
        } else if (RESUMED.equals(reason) || hasProgressed(deployment.getStatus(), counts)) {
            // Progress restarts the deadline: unlike other conditions, lastUpdateTime moves even without a change.
            DeploymentCondition updated = condition(PROGRESSING, "True", "ReplicaSetUpdated",
                    "ReplicaSet " + quoted + " is progressing.",
                    "True".equals(progressing.getStatus()) ? progressing.getLastTransitionTime() : now);
            byType.put(PROGRESSING, updated);
        } else if (hasTimedOut(deployment, progressing, instant)) {
            set(PROGRESSING, "False", PROGRESS_DEADLINE_EXCEEDED,
                    "ReplicaSet " + quoted + " has timed out progressing.");
        }
    }

    /** What {@code kubectl rollout status} waits for. */
    static boolean isComplete(Deployment deployment, RolloutCounts counts) {
        int desired = RolloutBudget.desiredReplicas(deployment);
        return counts.updated() == desired && counts.replicas() == desired && counts.available() == desired;
    }

    private static boolean mentions(DeploymentCondition condition, String quotedName) {
        return condition.getMessage() != null && condition.getMessage().contains(quotedName);
    }

    private static boolean hasProgressed(DeploymentStatus previous, RolloutCounts counts) {
        if (previous == null) {
            return true;
        }
        int previousReplicas = valueOf(previous.getReplicas());
        int previousUpdated = valueOf(previous.getUpdatedReplicas());
        return counts.updated() > previousUpdated
                || counts.ready() > valueOf(previous.getReadyReplicas())
                || counts.available() > valueOf(previous.getAvailableReplicas())
                || previousReplicas - previousUpdated > counts.old();
    }

    private static boolean hasTimedOut(Deployment deployment, DeploymentCondition progressing, Instant now) {
        if (PROGRESS_DEADLINE_EXCEEDED.equals(progressing.getReason())
                || NEW_REPLICA_SET_AVAILABLE.equals(progressing.getReason())) {
            return false;
        }
        Integer deadline = deployment.getSpec().getProgressDeadlineSeconds();
        Instant lastProgress = KubeTime.parse(progressing.getLastUpdateTime());
        return lastProgress != null && lastProgress
                .plusSeconds(deadline == null ? DEFAULT_PROGRESS_DEADLINE_SECONDS : deadline).isBefore(now);
    }

    /** Sets a condition unless it already has this status and reason; keeps the transition time if the status stays. */
    private void set(String type, String status, String reason, String message) {
        DeploymentCondition existing = byType.get(type);
        if (existing != null && status.equals(existing.getStatus()) && reason.equals(existing.getReason())) {
            return;
        }
        String transition = existing != null && status.equals(existing.getStatus())
                ? existing.getLastTransitionTime() : now;
        byType.put(type, condition(type, status, reason, message, transition));
    }

    private DeploymentCondition condition(String type, String status, String reason, String message,
            String lastTransitionTime) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastUpdateTime(now)
                .withLastTransitionTime(lastTransitionTime)
                .build();
    }

    private static int valueOf(Integer value) {
        return value == null ? 0 : value;
    }
}
