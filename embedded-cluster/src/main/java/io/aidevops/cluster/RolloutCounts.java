package io.aidevops.cluster;

/**
 * Pod counts of a Deployment, as its status reports them.
 *
 * @param replicas pods of all its ReplicaSets
 * @param updated pods of the current template
 * @param ready ready pods
 * @param available pods ready for at least {@code minReadySeconds}
 */
record RolloutCounts(int replicas, int updated, int ready, int available) {

    /** Pods of earlier templates. */
    int old() {
        return replicas - updated;
    }
}
