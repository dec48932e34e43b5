package io.aidevops.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** An embedded cluster on a simulated clock, stepped by the test: no background thread, no sleeping. */
final class SteppedCluster implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration STEP = Duration.ofMillis(500);

    private final SimulatedClock clock;
    private final EmbeddedCluster cluster;

    private SteppedCluster(SimulatedClock clock, EmbeddedCluster cluster) {
        this.clock = clock;
        this.cluster = cluster;
    }

    static SteppedCluster start() {
        return start(UnaryOperator.identity());
    }

    static SteppedCluster start(UnaryOperator<EmbeddedClusterOptions> customise) {
        SimulatedClock clock = SimulatedClock.startingAt(START);
        // awaitRollout steps by the reconcile interval: half a second is fine-grained enough and keeps tests fast.
        EmbeddedClusterOptions options = EmbeddedClusterOptions.stepped(clock).withReconcileInterval(STEP);
        return new SteppedCluster(clock, EmbeddedCluster.start(customise.apply(options)));
    }

    EmbeddedCluster cluster() {
        return cluster;
    }

    KubernetesClient client() {
        return cluster.client();
    }

    ClusterSimulator simulator() {
        return cluster.simulator();
    }

    SimulatedClock clock() {
        return clock;
    }

    /** One step of {@link #STEP}. */
    ReconcileReport step() {
        return cluster.simulator().advance(STEP);
    }

    /** Steps of {@link #STEP} for {@code duration} of simulated time. */
    void stepFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            step();
        }
    }

    /** Steps until {@code condition} holds; whether it did within {@code limit} of simulated time. */
    boolean stepUntil(BooleanSupplier condition, Duration limit) {
        Instant end = clock.instant().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!clock.instant().isBefore(end)) {
                return false;
            }
            step();
        }
        return true;
    }

    /** Steps until the Deployment is rolled out; fails the test if it is not within two simulated minutes. */
    void rollOut(String deployment) {
        if (!cluster.awaitRollout(Workloads.NAMESPACE, deployment, Duration.ofMinutes(2))) {
            throw new AssertionError("Deployment " + deployment + " did not roll out within 2 simulated minutes: "
                    + Workloads.get(client(), deployment).getStatus());
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}
