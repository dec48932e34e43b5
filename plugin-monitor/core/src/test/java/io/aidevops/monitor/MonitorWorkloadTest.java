package io.aidevops.monitor;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.Severity;
import io.aidevops.monitor.watch.WatchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workload watching on the embedded cluster: informers see crash loops, OOM kills and failed rollouts straight from
 * the API, each becomes exactly one alert however often the state is seen again, and it resolves when it is gone.
 */
class MonitorWorkloadTest {

    private MonitoredCluster cluster;
    private final RecordingSink sink = new RecordingSink();
    private final List<Monitor> monitors = new ArrayList<>();

    @BeforeEach
    void startCluster() {
        cluster = new MonitoredCluster();
    }

    @AfterEach
    void stop() {
        monitors.forEach(Monitor::close);
        cluster.close();
    }

    private Monitor monitor(WatchSettings watch) {
        Monitor monitor = new Monitor(cluster.client(), List.of(), sink, MonitorSettings.defaults().withWatch(watch),
                cluster.clock());
        monitors.add(monitor);
        monitor.start();
        return monitor;
    }

    private Monitor monitor() {
        return monitor(WatchSettings.defaults());
    }

    /** Moves simulated time on, with a collection pass every 15 simulated seconds. */
    private void run(Monitor monitor, Duration duration) {
        for (Duration done = Duration.ZERO; done.compareTo(duration) < 0; done = done.plusSeconds(15)) {
            cluster.advance(Duration.ofSeconds(15));
            monitor.collect(cluster.now());
        }
    }

    @Test
    void crashLoopRaisesExactlyOneAlertWhileItLasts() {
        cluster.deploy("shop", "shop:1", 2);
        Monitor monitor = monitor();
        String pod = cluster.pods("shop").get(0).getMetadata().getName();

        cluster.simulator().crashLoop(MonitoredCluster.NAMESPACE, pod);
        Eventually.until("a crash-loop alert", () -> !sink.raised(AlertKind.CRASH_LOOP).isEmpty());
        run(monitor, Duration.ofMinutes(3));

        assertThat(sink.raised(AlertKind.CRASH_LOOP)).hasSize(1);
        assertThat(sink.raised(AlertKind.CONTAINER_RESTARTED)).as("the runs between back-offs are no restarts")
                .isEmpty();
        Alert alert = sink.raised(AlertKind.CRASH_LOOP).get(0);
        assertThat(alert.namespace()).isEqualTo("default");
        assertThat(alert.workload()).isEqualTo("shop");
        assertThat(alert.subject()).isEqualTo("CrashLoopBackOff");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.evidence().observations()).anySatisfy(line -> assertThat(line).contains(pod)
                .contains("last exit Error"));
        assertThat(monitor.openAlerts()).extracting(Alert::kind).contains(AlertKind.CRASH_LOOP);
        assertThat(sink.resolved(AlertKind.CRASH_LOOP)).isEmpty();

        // The crash-looping pod is replaced by a healthy one: the alert resolves, once.
        cluster.client().pods().inNamespace(MonitoredCluster.NAMESPACE).withName(pod).delete();
        cluster.rollOut("shop");
        run(monitor, Duration.ofSeconds(30));
        assertThat(sink.resolved(AlertKind.CRASH_LOOP)).as("gone for less than the resolve grace").isEmpty();
        run(monitor, WatchSettings.defaults().resolveGrace());
        Eventually.until("the crash loop resolved", () -> !sink.resolved(AlertKind.CRASH_LOOP).isEmpty());
        run(monitor, Duration.ofMinutes(1));
        assertThat(sink.resolved(AlertKind.CRASH_LOOP)).hasSize(1);
        assertThat(sink.raised(AlertKind.CRASH_LOOP)).hasSize(1);
    }

    @Test
    void oomKillRaisesOneAlertThatResolvesOnceThePodHasRecovered() {
        cluster.deploy("cart", "cart:1", 1);
        Monitor monitor = monitor();
        String pod = cluster.pods("cart").get(0).getMetadata().getName();

        cluster.simulator().oomKill(MonitoredCluster.NAMESPACE, pod);
        Eventually.until("an OOM alert", () -> !sink.raised(AlertKind.OOM_KILLED).isEmpty());
        run(monitor, Duration.ofMinutes(2));

        assertThat(sink.raised()).extracting(Alert::kind).containsOnlyOnce(AlertKind.OOM_KILLED)
                .doesNotContain(AlertKind.CRASH_LOOP, AlertKind.CONTAINER_RESTARTED);
        assertThat(sink.raised(AlertKind.OOM_KILLED).get(0).evidence().observations())
                .anySatisfy(line -> assertThat(line).contains("OOMKilled (code 137)"));
        assertThat(sink.resolved(AlertKind.OOM_KILLED)).as("still within the settle time").isEmpty();

        run(monitor, WatchSettings.defaults().settleTime().plus(WatchSettings.defaults().resolveGrace()));
        assertThat(sink.resolved(AlertKind.OOM_KILLED)).hasSize(1);
        assertThat(sink.raised(AlertKind.OOM_KILLED)).hasSize(1);
        assertThat(monitor.openAlerts()).isEmpty();
    }

    @Test
    void failedRolloutRaisesExactlyOneAlert() {
        cluster.deploy("web", "web:1", 2);
        Monitor monitor = monitor();

        cluster.setImage("web", "web:2-crash");
        run(monitor, Duration.ofSeconds(90));
        Eventually.until("a rollout alert", () -> !sink.raised(AlertKind.ROLLOUT_FAILED).isEmpty());
        run(monitor, Duration.ofMinutes(2));

        assertThat(sink.raised(AlertKind.ROLLOUT_FAILED)).hasSize(1);
        Alert alert = sink.raised(AlertKind.ROLLOUT_FAILED).get(0);
        assertThat(alert.workload()).isEqualTo("web");
        assertThat(alert.subject()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(alert.evidence().observations()).anySatisfy(line -> assertThat(line)
                .contains("ProgressDeadlineExceeded"));
        // The new pods crash, which is its own alert about the same workload.
        assertThat(sink.raised(AlertKind.CRASH_LOOP)).hasSize(1);

        cluster.setImage("web", "web:3");
        cluster.rollOut("web");
        run(monitor, Duration.ofSeconds(30).plus(WatchSettings.defaults().resolveGrace()));
        Eventually.until("the rollout alert resolved", () -> !sink.resolved(AlertKind.ROLLOUT_FAILED).isEmpty());
        assertThat(sink.raised(AlertKind.ROLLOUT_FAILED)).hasSize(1);
    }

    @Test
    void restartedMonitorDoesNotRaiseAgainAndStillResolves() {
        cluster.deploy("shop", "shop:1", 1);
        Monitor first = monitor();
        String pod = cluster.pods("shop").get(0).getMetadata().getName();
        cluster.simulator().oomKill(MonitoredCluster.NAMESPACE, pod);
        Eventually.until("an OOM alert", () -> !sink.raised(AlertKind.OOM_KILLED).isEmpty());
        first.close();

        Monitor second = monitor();
        run(second, Duration.ofMinutes(1));
        assertThat(sink.raised(AlertKind.OOM_KILLED)).hasSize(1);
        assertThat(second.openAlerts()).extracting(Alert::kind).containsExactly(AlertKind.OOM_KILLED);
        assertThat(second.stats().alertsRaised()).isZero();

        run(second, WatchSettings.defaults().settleTime().plus(WatchSettings.defaults().resolveGrace()));
        assertThat(sink.resolved(AlertKind.OOM_KILLED)).hasSize(1);
    }

    @Test
    void resyncsReplayTheCacheWithoutRaisingAgain() {
        cluster.deploy("shop", "shop:1", 1);
        Monitor monitor = monitor(WatchSettings.defaults().withResyncPeriod(Duration.ofSeconds(1)));
        cluster.simulator().crashLoop(MonitoredCluster.NAMESPACE, cluster.pods("shop").get(0).getMetadata().getName());
        Eventually.until("a crash-loop alert", () -> !sink.raised(AlertKind.CRASH_LOOP).isEmpty());

        long before = monitor.stats().watchNotifications();
        // Nothing changes in the stepped cluster now; only resyncs notify (Deployment, ReplicaSet, Pod, Events...).
        Eventually.until("resyncs", () -> monitor.stats().watchNotifications() >= before + 6);
        monitor.collect(cluster.now());

        assertThat(sink.raised()).hasSize(1);
    }

    @Test
    void workloadsWithoutTheSuiteLabelAreNotWatched() {
        cluster.create("other", "other:crash", 1, false);
        cluster.deploy("shop", "shop:1", 1);
        Monitor monitor = monitor();
        run(monitor, Duration.ofMinutes(3));

        assertThat(sink.raised()).isEmpty();
        assertThat(monitor.stats().workloads()).isEqualTo(1);
    }

    @Test
    void sinkFailureIsRecordedAndTheAlertOfferedAgain() {
        cluster.deploy("shop", "shop:1", 1);
        Monitor monitor = monitor();
        sink.failNext(1);
        cluster.simulator().oomKill(MonitoredCluster.NAMESPACE, cluster.pods("shop").get(0).getMetadata().getName());
        Eventually.until("the sink failing", () -> monitor.stats().lastError() != null);
        assertThat(monitor.stats().lastError()).contains("the alert sink failed").contains("the sink is down");

        // The next pass (or informer change) offers it again.
        Eventually.until("an OOM alert", () -> {
            monitor.collect(cluster.now());
            return !sink.raised(AlertKind.OOM_KILLED).isEmpty();
        });
        assertThat(sink.raised(AlertKind.OOM_KILLED)).hasSize(1);
    }
}
