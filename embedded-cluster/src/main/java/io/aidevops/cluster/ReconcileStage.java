package io.aidevops.cluster;

/**
 * One controller of the simulated control plane. A reconcile pass runs the stages in order, each reading the cluster
 * afresh through the pass and moving it one step towards the desired state.
 */
sealed interface ReconcileStage
        permits GarbageCollector, DeploymentController, ReplicaSetController, Scheduler, Kubelet, StatusSync {

    /** Does this stage's share of the pass. Failures with single objects are noted in the pass, not thrown. */
    void run(ReconcilePass pass);
}
