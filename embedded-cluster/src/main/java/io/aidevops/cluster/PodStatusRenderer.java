package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a pod's {@code status} from its simulated runtime, in the shape a real kubelet reports. */
final class PodStatusRenderer {

    private PodStatusRenderer() {
    }

    /** The status of the pod run by {@code runtime}, at {@code now} (after {@link PodRuntime#advanceTo}). */
    static PodStatus render(PodRuntime runtime, Instant now) {
        List<ContainerView> containers = runtime.containersAt(now);
        boolean started = containers.stream().anyMatch(view -> view.running() || view.lastTermination() != null);
        String admitted = KubeTime.format(runtime.admittedAt());
        String readinessChanged = KubeTime.format(runtime.readinessChangedAt());
        boolean ready = runtime.ready();
        String unready = containers.stream().filter(view -> !view.ready()).map(ContainerView::name)
                .collect(Collectors.joining(" ", "[", "]"));
        return new PodStatusBuilder()
                .withPhase(started ? "Running" : "Pending")
                .withConditions(
                        condition("PodReadyToStartContainers", true, admitted, null),
                        condition("Initialized", true, admitted, null),
                        condition(PodConditions.READY, ready, readinessChanged,
                                ready ? null : "containers with unready status: " + unready),
                        condition("ContainersReady", ready, readinessChanged,
                                ready ? null : "containers with unready status: " + unready),
                        condition("PodScheduled", true, admitted, null))
                .withHostIP(ClusterNode.IP)
                .addNewHostIP(ClusterNode.IP)
                .withPodIP(ClusterNode.IP)
                .addNewPodIP(ClusterNode.IP)
                .withStartTime(admitted)
                .withQosClass("BestEffort")
                .withContainerStatuses(containers.stream().map(PodStatusRenderer::containerStatus)
                        .collect(Collectors.toList()))
                .build();
    }

    private static PodCondition condition(String type, boolean status, String since, String message) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status ? "True" : "False")
                .withLastTransitionTime(since)
                .withReason(status || message == null ? null : "ContainersNotReady")
                .withMessage(message)
                .build();
    }

    private static ContainerStatus containerStatus(ContainerView view) {
        ContainerStatusBuilder status = new ContainerStatusBuilder()
                .withName(view.name())
                .withImage(view.image())
                .withImageID(view.image() + "@sha256:" + Noise.hex(Noise.key(0, view.image()), 64))
                .withContainerID(view.containerId())
                .withReady(view.ready())
                .withStarted(view.running())
                .withRestartCount(view.restartCount())
                .withState(state(view.state()));
        if (view.lastTermination() != null) {
            Termination last = view.lastTermination();
            status.withLastState(new ContainerStateBuilder().withNewTerminated()
                    .withReason(last.reason())
                    .withExitCode(last.exitCode())
                    .withMessage(last.message())
                    .withStartedAt(KubeTime.format(last.startedAt()))
                    .withFinishedAt(KubeTime.format(last.finishedAt()))
                    .withContainerID(last.containerId())
                    .endTerminated().build());
        }
        return status.build();
    }

    private static ContainerState state(ContainerRunState state) {
        if (state instanceof ContainerRunState.Running) {
            Instant startedAt = ((ContainerRunState.Running) state).startedAt();
            return new ContainerStateBuilder().withNewRunning().withStartedAt(KubeTime.format(startedAt)).endRunning()
                    .build();
        }
        ContainerRunState.Waiting waiting = (ContainerRunState.Waiting) state;
        return new ContainerStateBuilder().withNewWaiting().withReason(waiting.reason()).withMessage(waiting.message())
                .endWaiting().build();
    }
}
