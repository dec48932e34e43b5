package io.aidevops.monitor.alert;

/**
 * What an alert is about. Each kind has a fixed {@link #code()} that goes into the {@link Fingerprint}, so renaming a
 * constant never changes the fingerprints of alerts already raised.
 */
public enum AlertKind {
    /** A container keeps crashing and the kubelet backs off restarting it. */
    CRASH_LOOP("crash-loop", true),
    /** A container was killed for exceeding its memory limit. */
    OOM_KILLED("oom-killed", true),
    /** A container restarted (and is not crash looping). */
    CONTAINER_RESTARTED("container-restarted", true),
    /** A Deployment's rollout made no progress within its progress deadline. */
    ROLLOUT_FAILED("rollout-failed", true),
    /** A Deployment has had fewer available replicas than it needs for longer than the grace period. */
    REPLICAS_UNAVAILABLE("replicas-unavailable", true),
    /** A metric series scored at or above the detector's threshold. */
    METRIC_ANOMALY("metric-anomaly", false),
    /** A metric series is forecast to reach its limit (a pod's memory limit, a configured SLO) within the horizon. */
    LIMIT_FORECAST("limit-forecast", false);

    private final String code;
    private final boolean workloadState;

    AlertKind(String code, boolean workloadState) {
        this.code = code;
        this.workloadState = workloadState;
    }

    /** The stable name used in fingerprints and renderings, e.g. {@code crash-loop}. */
    public String code() {
        return code;
    }

    /**
     * Whether the alert describes the state of a workload as the API server reports it (and so resolves as soon as
     * that state is gone), rather than something seen in a metric series.
     */
    public boolean isWorkloadState() {
        return workloadState;
    }
}
