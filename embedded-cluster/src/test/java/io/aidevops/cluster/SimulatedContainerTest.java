package io.aidevops.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SimulatedContainerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final long MIB = 1024L * 1024;

    @Test
    void shouldDoubleTheBackOffUpToFiveMinutes() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(SimulatedContainer::backOff).map(Duration::getSeconds)
                .collect(Collectors.toList())).containsExactly(10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
    }

    @Test
    void shouldReachTheSameStateWhateverTheStepSize() {
        SimulatedContainer coarse = container(WorkloadBehaviour.healthy().withFailureMode(FailureMode.CRASH_LOOP));
        SimulatedContainer fine = container(WorkloadBehaviour.healthy().withFailureMode(FailureMode.CRASH_LOOP));

        List<ContainerEvent> coarseEvents = coarse.advanceTo(T0.plusSeconds(200));
        for (int tenth = 1; tenth <= 2000; tenth++) {
            fine.advanceTo(T0.plusMillis(100L * tenth));
        }

        assertThat(fine.viewAt(T0.plusSeconds(200))).isEqualTo(coarse.viewAt(T0.plusSeconds(200)));
        // Runs start at 1, 12, 33, 74 and 155 s (back-off 10, 20, 40, 80 s) and each crashes a second later.
        assertThat(coarse.viewAt(T0.plusSeconds(200)).restartCount()).isEqualTo(5);
        assertThat(coarseEvents).extracting(ContainerEvent::reason).filteredOn("BackOff"::equals).hasSize(5);
    }

    @Test
    void shouldBecomeReadyAfterTheReadinessDelayAndStayReady() {
        SimulatedContainer container = container(WorkloadBehaviour.healthy());

        container.advanceTo(T0.plusMillis(2999));
        assertThat(container.viewAt(T0.plusMillis(2999)).ready()).isFalse();
        container.advanceTo(T0.plusSeconds(3));
        ContainerView view = container.viewAt(T0.plusSeconds(3));
        assertThat(view.ready()).isTrue();
        assertThat(view.readinessChangedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.state()).isEqualTo(new ContainerRunState.Running(T0.plusSeconds(1)));
    }

    @Test
    void shouldOomKillWhenALeakReachesTheLimitAndRestartWithFreshMemory() {
        SimulatedContainer container = container(WorkloadBehaviour.healthy().withMemoryBytes(100 * MIB)
                .withMemoryGrowthBytesPerSecond(4 * MIB));

        container.advanceTo(T0.plusMillis(7999));
        assertThat(container.viewAt(T0.plusMillis(7999)).restartCount()).isZero();
        List<ContainerEvent> events = container.advanceTo(T0.plusSeconds(10));

        ContainerView view = container.viewAt(T0.plusSeconds(10));
        // Started at 1 s with 100 MiB, 4 MiB/s more: 128 MiB at 8 s.
        assertThat(view.lastTermination()).isEqualTo(new Termination("OOMKilled", 137, null, T0.plusSeconds(1),
                T0.plusSeconds(8), view.containerId()));
        assertThat(view.restartCount()).isEqualTo(1);
        assertThat(events).extracting(ContainerEvent::reason).containsExactly("OOMKilling", "BackOff");
        // Restarted after 10 s of back-off at 18 s: one second later 104 MiB, give or take the 1 % noise.
        container.advanceTo(T0.plusSeconds(19));
        assertThat(container.metricsAt(T0.plusSeconds(19))).hasValueSatisfying(sample ->
                assertThat(sample.residentMemoryBytes()).isBetween(100 * MIB, 108 * MIB));
    }

    @Test
    void shouldRefuseToOomKillAContainerThatDoesNotRun() {
        SimulatedContainer container = container(WorkloadBehaviour.healthy());

        assertThatIllegalStateException().isThrownBy(() -> container.oomKill(T0))
                .withMessage("Container app of pod web-1_default(uid) is not running (ContainerCreating), so it "
                        + "cannot be OOM-killed");
    }

    private static SimulatedContainer container(WorkloadBehaviour behaviour) {
        return new SimulatedContainer("app", "shop:v1", "web-1_default(uid)", 128 * MIB, 7, Duration.ofSeconds(2),
                behaviour, T0, T0.plusSeconds(1));
    }
}
