package io.aidevops.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One container as the simulated container runtime runs it: a sequence of runs separated by exits and restarts.
 *
 * <p>Its timeline is a pure function of its start, its behaviour and the on-demand faults: {@link #advanceTo}
 * replays every start, exit and restart up to an instant, at the instant each happens, so the result does not depend
 * on how finely the caller steps time. Exits follow the kubelet's rules: restart policy {@code Always}, a back-off
 * of 10 s doubling up to 5 min between failed runs, reset after a run of 10 min.
 *
 * <p>Not thread-safe; {@link PodRuntime} guards it.
 */
final class SimulatedContainer {

    static final Duration INITIAL_BACK_OFF = Duration.ofSeconds(10);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    /** A run at least this long resets the back-off, as the kubelet forgets back-off after twice its maximum. */
    static final Duration BACK_OFF_RESET = MAX_BACK_OFF.multipliedBy(2);
    static final String CONTAINER_CREATING = "ContainerCreating";
    static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";

    /** Bounds the replay of one call, should a behaviour ever produce exits without back-off. */
    private static final int MAX_TRANSITIONS = 10_000;

    private final String name;
    private final String image;
    private final String podDescription;
    private final long memoryLimitBytes;
    private final long noiseKey;
    private final Duration readinessDelay;

    private WorkloadBehaviour behaviour;
    private boolean forcedCrashLoop;
    private int restartCount;
    private int consecutiveFailures;
    private int incarnation;
    private Instant nextStartAt;
    private String waitingReason = CONTAINER_CREATING;
    private String waitingMessage;
    private Run run;
    private Termination lastTermination;
    private Instant notReadySince;

    /** One run of the container. */
    private static final class Run {
        final Instant startedAt;
        final String containerId;
        final TrafficMeter meter;
        Instant readyAt;
        Instant exitAt;
        String exitReason;
        int exitCode;

        Run(Instant startedAt, String containerId, TrafficMeter meter) {
            this.startedAt = startedAt;
            this.containerId = containerId;
            this.meter = meter;
        }

        boolean readyAt(Instant now) {
            return readyAt != null && !now.isBefore(readyAt);
        }
    }

    /**
     * @param name the container's name
     * @param image the container's image
     * @param podDescription the pod as the kubelet names it in messages, {@code name_namespace(uid)}
     * @param memoryLimitBytes the memory limit; reaching it means an OOM kill
     * @param noiseKey the key of this container's random streams
     * @param readinessDelay how long after a start the container becomes ready
     * @param behaviour how the container behaves
     * @param createdAt when the pod was admitted
     * @param firstStartAt when the first run starts
     */
    SimulatedContainer(String name, String image, String podDescription, long memoryLimitBytes, long noiseKey,
            Duration readinessDelay, WorkloadBehaviour behaviour, Instant createdAt, Instant firstStartAt) {
        this.name = name;
        this.image = image;
        this.podDescription = podDescription;
        this.memoryLimitBytes = memoryLimitBytes;
        this.noiseKey = noiseKey;
        this.readinessDelay = readinessDelay;
        this.behaviour = behaviour;
        this.notReadySince = createdAt;
        this.nextStartAt = firstStartAt;
    }

    String name() {
        return name;
    }

    /** Replays the container's life up to {@code now}. */
    List<ContainerEvent> advanceTo(Instant now) {
        List<ContainerEvent> events = new ArrayList<>();
        for (int transition = 0; transition < MAX_TRANSITIONS; transition++) {
            if (run == null) {
                if (now.isBefore(nextStartAt)) {
                    break;
                }
                start(nextStartAt, events);
            } else if (run.exitAt != null && !run.exitAt.isAfter(now)) {
                fail(run.exitAt, run.exitReason, run.exitCode, null, events);
            } else {
                break;
            }
        }
        return events;
    }

    /** Lets the container behave differently from {@code at} on; a running container's exit is re-planned. */
    void changeBehaviour(WorkloadBehaviour next, Instant at) {
        if (next.equals(behaviour)) {
            return;
        }
        behaviour = next;
        if (run != null) {
            run.meter.changeBehaviour(next, at);
            planExit(run, at);
        }
    }

    /** Restarts the container now, without back-off: what {@code kubectl exec ... kill 1} would cause. */
    List<ContainerEvent> restart(Instant at) {
        List<ContainerEvent> events = advanceTo(at);
        if (run != null) {
            events.add(new ContainerEvent(at, name, EventType.NORMAL, "Killing",
                    "Stopping container " + name + " (restart requested)"));
            end(at, "Error", 137, "restarted on request");
        }
        nextStartAt = at;
        events.addAll(advanceTo(at));
        return events;
    }

    /**
     * Kills the running container for exceeding its memory limit now.
     *
     * @throws IllegalStateException if the container is not running
     */
    List<ContainerEvent> oomKill(Instant at) {
        List<ContainerEvent> events = advanceTo(at);
        if (run == null) {
            throw new IllegalStateException("Container " + name + " of pod " + podDescription
                    + " is not running (" + waitingReason + "), so it cannot be OOM-killed");
        }
        fail(at, "OOMKilled", 137, null, events);
        return events;
    }

    /** Makes the container crash shortly after every start from now on, and crashes the current run now. */
    List<ContainerEvent> crashLoop(Instant at) {
        List<ContainerEvent> events = advanceTo(at);
        forcedCrashLoop = true;
        if (run != null) {
            fail(at, FailureMode.CRASH_LOOP.terminationReason(), FailureMode.CRASH_LOOP.exitCode(), null, events);
        }
        return events;
    }

    /** The current run's metrics at {@code at}; empty while the container does not run. */
    Optional<MetricsSample> metricsAt(Instant at) {
        return run == null ? Optional.empty() : Optional.of(run.meter.sampleAt(at));
    }

    /** The container as the kubelet reports it at {@code now} (after {@link #advanceTo}). */
    ContainerView viewAt(Instant now) {
        boolean ready = run != null && run.readyAt(now);
        ContainerRunState state = run == null
                ? new ContainerRunState.Waiting(waitingReason, waitingMessage)
                : new ContainerRunState.Running(run.startedAt);
        String containerId = run != null ? run.containerId
                : lastTermination == null ? null : lastTermination.containerId();
        return new ContainerView(name, image, state, ready, ready ? run.readyAt : notReadySince, restartCount,
                lastTermination, containerId);
    }

    private void start(Instant at, List<ContainerEvent> events) {
        incarnation++;
        String containerId = "containerd://" + Noise.hex(Noise.key(noiseKey, "container", incarnation), 64);
        FailureMode mode = failureMode();
        Instant readyAt = mode == FailureMode.NONE ? at.plus(readinessDelay) : null;
        TrafficMeter meter = new TrafficMeter(Noise.key(noiseKey, "run", incarnation), at, readyAt, behaviour);
        run = new Run(at, containerId, meter);
        run.readyAt = readyAt;
        planExit(run, at);
        waitingReason = null;
        waitingMessage = null;
        events.add(new ContainerEvent(at, name, EventType.NORMAL, "Pulled",
                "Container image \"" + image + "\" already present on machine"));
        events.add(new ContainerEvent(at, name, EventType.NORMAL, "Created", "Created container " + name));
        events.add(new ContainerEvent(at, name, EventType.NORMAL, "Started", "Started container " + name));
    }

    /** Decides when and how the run ends on its own, from {@code from} on. */
    private void planExit(Run current, Instant from) {
        FailureMode mode = failureMode();
        current.exitAt = null;
        if (mode != FailureMode.NONE) {
            Instant failure = current.startedAt.plus(FailureMode.TIME_TO_FAILURE);
            current.exitAt = failure.isBefore(from) ? from : failure;
            current.exitReason = mode.terminationReason();
            current.exitCode = mode.exitCode();
            if (current.readyAt != null && !current.readyAt.isBefore(current.exitAt)) {
                current.readyAt = null;
            }
            return;
        }
        current.meter.memoryReaches(memoryLimitBytes).ifPresent(limitReached -> {
            current.exitAt = limitReached.isBefore(from) ? from : limitReached;
            current.exitReason = "OOMKilled";
            current.exitCode = 137;
        });
        if (current.exitAt != null && current.readyAt != null && !current.readyAt.isBefore(current.exitAt)) {
            current.readyAt = null;
        }
    }

    private FailureMode failureMode() {
        return forcedCrashLoop ? FailureMode.CRASH_LOOP : behaviour.failureMode();
    }

    /** The run ended by itself: count the failure and back off before the next start. */
    private void fail(Instant at, String reason, int exitCode, String message, List<ContainerEvent> events) {
        boolean longRun = !Duration.between(run.startedAt, at).minus(BACK_OFF_RESET).isNegative();
        consecutiveFailures = longRun ? 1 : consecutiveFailures + 1;
        if ("OOMKilled".equals(reason)) {
            events.add(new ContainerEvent(at, name, EventType.WARNING, "OOMKilling",
                    "Memory cgroup out of memory: Killed process of container " + name + " (limit "
                            + memoryLimitBytes + " bytes)"));
        }
        end(at, reason, exitCode, message);
        Duration backOff = backOff(consecutiveFailures);
        nextStartAt = at.plus(backOff);
        waitingReason = CRASH_LOOP_BACK_OFF;
        waitingMessage = "back-off " + backOff.getSeconds() + "s restarting failed container=" + name + " pod="
                + podDescription;
        events.add(new ContainerEvent(at, name, EventType.WARNING, "BackOff",
                "Back-off restarting failed container " + name + " in pod " + podDescription));
    }

    private void end(Instant at, String reason, int exitCode, String message) {
        lastTermination = new Termination(reason, exitCode, message, run.startedAt, at, run.containerId);
        if (run.readyAt(at)) {
            notReadySince = at;
        }
        run = null;
        restartCount++;
    }

    /** 10 s after the first failure, doubling with each further one, at most 5 min. */
    static Duration backOff(int consecutiveFailures) {
        Duration backOff = INITIAL_BACK_OFF;
        for (int failure = 1; failure < consecutiveFailures && backOff.compareTo(MAX_BACK_OFF) < 0; failure++) {
            backOff = backOff.multipliedBy(2);
        }
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }
}
