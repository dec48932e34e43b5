package io.aidevops.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides how a container behaves: as its Deployment was told to at run time, if it was, else by its image tag.
 */
final class BehaviourResolver {

    private final WorkloadBehaviours byImageTag;
    private final Map<ObjectKey, WorkloadBehaviour> byDeployment = new ConcurrentHashMap<>();

    BehaviourResolver(WorkloadBehaviours byImageTag) {
        this.byImageTag = byImageTag;
    }

    /** Makes every container of {@code deployment}'s pods behave as {@code behaviour}, now and in later pods. */
    void override(ObjectKey deployment, WorkloadBehaviour behaviour) {
        byDeployment.put(deployment, behaviour);
    }

    /** Returns {@code deployment}'s containers to the behaviour of their image tags. */
    void clearOverride(ObjectKey deployment) {
        byDeployment.remove(deployment);
    }

    /** The behaviour of a container running {@code image} in a pod of {@code deployment}, if it has one. */
    WorkloadBehaviour resolve(Optional<ObjectKey> deployment, String image) {
        return deployment.map(byDeployment::get).orElseGet(() -> byImageTag.forImage(image));
    }
}
