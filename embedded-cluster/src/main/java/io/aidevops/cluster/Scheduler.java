package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.util.List;
import java.util.stream.Collectors;

/** Binds every unscheduled pod to the cluster's single node. */
final class Scheduler implements ReconcileStage {

    static final String COMPONENT = "default-scheduler";

    @Override
    public void run(ReconcilePass pass) {
        List<Pod> unscheduled = pass.snapshot().pods().stream()
                .filter(pod -> PodConditions.isActive(pod)
                        && (pod.getSpec() == null || pod.getSpec().getNodeName() == null))
                .collect(Collectors.toList());
        pass.forEachIsolated(unscheduled, pod -> {
            Pod binding = new PodBuilder(pod).editOrNewSpec().withNodeName(ClusterNode.NAME).endSpec().build();
            Pod bound = pass.write(() -> pass.client().pods().inNamespace(pod.getMetadata().getNamespace())
                    .resource(binding).update());
            pass.event(bound, EventType.NORMAL, "Scheduled", "Successfully assigned " + ObjectKey.of(pod) + " to "
                    + ClusterNode.NAME, COMPONENT);
        });
    }
}
