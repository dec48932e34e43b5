package io.aidevops.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parts of a cluster the mock API server lacks: a Deployment controller, a ReplicaSet controller, a scheduler, a
 * kubelet with a simulated container runtime, a garbage collector, and per-pod metrics endpoints.
 *
 * <p>It is a level-triggered reconciler: {@link #reconcile()} reads Deployments, ReplicaSets and Pods and moves the
 * world one step towards the desired state. Given the same clock readings and seed, it makes the same choices. Tests
 * step it with {@link #advance(Duration)} on a {@link SimulatedClock}; the demo lets the cluster's background loop
 * call {@link #reconcile()}. Thread-safe: passes and on-demand changes are serialised.
 */
public final class ClusterSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSimulator.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final EventRecorder events;
    private final BehaviourResolver behaviours;
    private final Kubelet kubelet;
    private final List<ReconcileStage> stages;
    private final ProblemLog problemLog = new ProblemLog();
    private final Object passes = new Object();
    private long completedPasses;

    ClusterSimulator(KubernetesClient client, EmbeddedClusterOptions options, MetricsServer metrics) {
        this.client = client;
        this.clock = options.clock();
        this.events = new EventRecorder(client);
        this.behaviours = new BehaviourResolver(options.behaviours());
        this.kubelet = new Kubelet(clock, options.seed(), options.containerStartDelay(), options.readinessDelay(),
                behaviours, metrics);
        this.stages = List.of(
                new GarbageCollector(),
                new DeploymentController(),
                new ReplicaSetController(new NameGenerator(options.seed())),
                new Scheduler(),
                kubelet,
                new StatusSync());
    }

    /**
     * Moves the world one step at the clock's current instant: garbage collection, Deployment rollouts, ReplicaSet
     * scaling, scheduling, the kubelet's container lifecycle, then the status of ReplicaSets and Deployments.
     * A failure with one object is reported and skipped; it never aborts the pass.
     *
     * @return what the pass did
     */
    public ReconcileReport reconcile() {
        synchronized (passes) {
            ReconcilePass pass = new ReconcilePass(client, clock.instant(), events);
            for (ReconcileStage stage : stages) {
                try {
                    stage.run(pass);
                } catch (RuntimeException e) {
                    // Typically the API server refused a list; the next pass tries again.
                    pass.problem(stage.getClass().getSimpleName() + " failed: " + e);
                }
            }
            try {
                events.expire(pass.now());
            } catch (RuntimeException e) {
                LOG.debug("Could not delete expired events", e);
            }
            ReconcileReport report = pass.report();
            problemLog.update(report.problems());
            completedPasses++;
            passes.notifyAll();
            return report;
        }
    }

    /**
     * Advances the simulated clock by {@code step}, then reconciles once.
     *
     * @return what the pass did
     * @throws IllegalStateException if the cluster does not run on a {@link SimulatedClock}
     */
    public ReconcileReport advance(Duration step) {
        if (!(clock instanceof SimulatedClock)) {
            throw new IllegalStateException("advance() needs a SimulatedClock, but this cluster runs on " + clock
                    + "; start it with EmbeddedClusterOptions.stepped(clock)");
        }
        ((SimulatedClock) clock).advance(step);
        return reconcile();
    }

    /** The clock the simulation runs on. */
    public Clock clock() {
        return clock;
    }

    /**
     * Restarts the main (first) container of a pod now, without back-off: {@code restartCount} goes up by one, its
     * metrics start again from zero, and it becomes ready again after the readiness delay.
     *
     * @throws IllegalArgumentException if the pod does not exist
     */
    public void restartContainer(String namespace, String pod) {
        inject(namespace, pod, runtime -> runtime.restartContainer(clock.instant()));
    }

    /**
     * Makes the main container of a pod crash now and a second after every restart: it shows
     * {@code CrashLoopBackOff}, is never ready, and its restarts climb with the kubelet's back-off. It stays that way
     * for the life of the pod; delete the pod (or roll out a new template) to get rid of it.
     *
     * @throws IllegalArgumentException if the pod does not exist
     */
    public void crashLoop(String namespace, String pod) {
        inject(namespace, pod, runtime -> runtime.crashLoop(clock.instant()));
    }

    /**
     * Kills the main container of a pod now for exceeding its memory limit: {@code lastState.terminated} shows
     * {@code OOMKilled} with exit code 137, {@code restartCount} goes up by one, and the container restarts after
     * the back-off.
     *
     * @throws IllegalArgumentException if the pod does not exist
     * @throws IllegalStateException if the container is not running at the moment
     */
    public void oomKill(String namespace, String pod) {
        inject(namespace, pod, runtime -> runtime.oomKill(clock.instant()));
    }

    /**
     * Makes every container of a Deployment's pods behave as {@code behaviour} from now on, overriding the image tag
     * rules: running containers change course (counters keep counting), new pods start with it. Used to inject an
     * anomaly into a running workload.
     */
    public void setBehaviour(String namespace, String deployment, WorkloadBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        synchronized (passes) {
            behaviours.override(new ObjectKey(namespace, deployment), behaviour);
            reconcile();
        }
    }

    /** Returns a Deployment's containers to the behaviour of their image tags, from now on. */
    public void clearBehaviour(String namespace, String deployment) {
        synchronized (passes) {
            behaviours.clearOverride(new ObjectKey(namespace, deployment));
            reconcile();
        }
    }

    /**
     * Waits until a pass completes after the given number of passes, for callers that let the background loop work.
     *
     * @return the number of completed passes, or the old one if {@code timeout} expired
     */
    long awaitPassAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (passes) {
            long remaining = deadline - System.nanoTime();
            while (completedPasses <= seen && remaining > 0) {
                passes.wait(Math.max(1, remaining / 1_000_000));
                remaining = deadline - System.nanoTime();
            }
            return completedPasses;
        }
    }

    /** The number of passes completed so far. */
    long completedPasses() {
        synchronized (passes) {
            return completedPasses;
        }
    }

    private void inject(String namespace, String pod, Consumer<PodRuntime> fault) {
        ObjectKey key = new ObjectKey(namespace, pod);
        synchronized (passes) {
            try {
                kubelet.inject(key, fault);
            } catch (IllegalArgumentException notYetAdmitted) {
                // The pod may exist but be younger than the last pass: let the kubelet see it, then try once more.
                reconcile();
                kubelet.inject(key, fault);
            }
            reconcile();
        }
    }
}
