package io.aidevops.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated container runtime's state of one pod: its containers, and when the pod as a whole last became ready
 * or unready. The kubelet advances it; the metrics server reads it from its own threads, hence the locking.
 */
final class PodRuntime {

    private final ObjectKey pod;
    private final String uid;
    private final Instant admittedAt;
    private final List<SimulatedContainer> containers;
    private final List<ContainerEvent> pendingEvents = new ArrayList<>();
    private boolean ready;
    private Instant readinessChangedAt;

    /**
     * @param pod the pod
     * @param uid the pod's UID
     * @param admittedAt when the kubelet took the pod on
     * @param containers the pod's containers, in spec order; the first one serves the pod's metrics
     */
    PodRuntime(ObjectKey pod, String uid, Instant admittedAt, List<SimulatedContainer> containers) {
        this.pod = pod;
        this.uid = uid;
        this.admittedAt = admittedAt;
        this.containers = List.copyOf(containers);
        this.readinessChangedAt = admittedAt;
    }

    ObjectKey pod() {
        return pod;
    }

    String uid() {
        return uid;
    }

    Instant admittedAt() {
        return admittedAt;
    }

    /** Applies each container's current behaviour from {@code at} on. */
    synchronized void changeBehaviours(Function<String, WorkloadBehaviour> behaviourOfContainer, Instant at) {
        for (SimulatedContainer container : containers) {
            container.changeBehaviour(behaviourOfContainer.apply(container.name()), at);
        }
    }

    /**
     * Replays the pod's life up to {@code now}.
     *
     * @return what happened since the last call, including the effects of on-demand faults, in time order
     */
    synchronized List<ContainerEvent> advanceTo(Instant now) {
        List<ContainerEvent> events = new ArrayList<>(pendingEvents);
        pendingEvents.clear();
        for (SimulatedContainer container : containers) {
            events.addAll(container.advanceTo(now));
        }
        updateReadiness(now);
        events.sort(Comparator.comparing(ContainerEvent::at));
        return events;
    }

    /** Restarts the main container (the first) at {@code at}. */
    synchronized void restartContainer(Instant at) {
        pendingEvents.addAll(main().restart(at));
    }

    /** Puts the main container into a crash loop from {@code at} on. */
    synchronized void crashLoop(Instant at) {
        pendingEvents.addAll(main().crashLoop(at));
    }

    /** OOM-kills the main container at {@code at}. */
    synchronized void oomKill(Instant at) {
        pendingEvents.addAll(main().oomKill(at));
    }

    /** The metrics exposition of the main container at {@code at}; empty while it does not run. */
    synchronized Optional<String> exposition(Instant at) {
        return main().metricsAt(at).map(PrometheusText::render);
    }

    /** The containers as the kubelet reports them at {@code now}. */
    synchronized List<ContainerView> containersAt(Instant now) {
        return containers.stream().map(container -> container.viewAt(now)).collect(Collectors.toList());
    }

    /** Whether every container was ready at the last {@link #advanceTo}. */
    synchronized boolean ready() {
        return ready;
    }

    /** When the pod last became ready or unready. */
    synchronized Instant readinessChangedAt() {
        return readinessChangedAt;
    }

    private void updateReadiness(Instant now) {
        List<ContainerView> views = containersAt(now);
        boolean readyNow = views.stream().allMatch(ContainerView::ready);
        if (readyNow == ready) {
            return;
        }
        // The pod became ready when its last container did, and unready when its first container did.
        Instant changedAt = readyNow
                ? views.stream().map(ContainerView::readinessChangedAt).max(Comparator.naturalOrder()).orElse(now)
                : views.stream().filter(view -> !view.ready()).map(ContainerView::readinessChangedAt)
                        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(now);
        ready = readyNow;
        readinessChangedAt = changedAt.isBefore(readinessChangedAt) ? readinessChangedAt : changedAt;
    }

    private SimulatedContainer main() {
        return containers.get(0);
    }
}
