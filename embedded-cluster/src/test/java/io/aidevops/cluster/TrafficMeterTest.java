package io.aidevops.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficMeterTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void shouldGiveTheSameNumbersWhateverTheReadingPattern() {
        TrafficMeter readOnce = new TrafficMeter(11, START, START, WorkloadBehaviour.healthy());
        TrafficMeter readOften = new TrafficMeter(11, START, START, WorkloadBehaviour.healthy());

        for (int second = 0; second < 600; second += 7) {
            readOften.sampleAt(START.plusSeconds(second));
        }

        assertThat(readOften.sampleAt(START.plusSeconds(600))).isEqualTo(readOnce.sampleAt(START.plusSeconds(600)));
    }

    @Test
    void shouldServeNothingBeforeReadiness() {
        TrafficMeter meter = new TrafficMeter(11, START, START.plusSeconds(10), WorkloadBehaviour.healthy());

        assertThat(meter.sampleAt(START.plusSeconds(10)).requestCount()).isZero();
        assertThat(meter.sampleAt(START.plusSeconds(10)).cpuSeconds()).isPositive();
        assertThat(meter.sampleAt(START.plusSeconds(20)).requestCount()).isBetween(150L, 250L);
    }

    @Test
    void shouldKeepEarlierNumbersWhenTheBehaviourChanges() {
        TrafficMeter meter = new TrafficMeter(11, START, START, WorkloadBehaviour.healthy());
        MetricsSample before = meter.sampleAt(START.plusSeconds(60));

        meter.changeBehaviour(WorkloadBehaviour.healthy().withRequestsPerSecond(0)
                .withMemoryGrowthBytesPerSecond(1024), START.plusSeconds(60));

        MetricsSample after = meter.sampleAt(START.plusSeconds(120));
        assertThat(after.requestCount()).isEqualTo(before.requestCount());
        assertThat(meter.memoryReaches(WorkloadBehaviour.healthy().memoryBytes() + 1024 * 100))
                .hasValue(START.plusSeconds(160));
        assertThat(Duration.ofNanos((long) (after.latencySum() * 1e9)))
                .isEqualTo(Duration.ofNanos((long) (before.latencySum() * 1e9)));
    }
}
