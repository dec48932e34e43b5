package io.aidevops.deploy.traffic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficWeightsTest {

    /** The table of docs research sec. 3: replica counts closest to the weight, never an empty track. */
    @ParameterizedTest(name = "{0} pods at {1}% (surge {2}) -> {3}:{4}")
    @CsvSource({
        "1, 20, true, 1, 1",
        "1, 20, false, 0, 1",
        "2, 20, true, 1, 2",
        "3, 20, true, 1, 3",
        "4, 20, true, 1, 4",
        "5, 20, true, 1, 4",
        "5, 20, false, 1, 4",
        "10, 5, true, 1, 10",
        "10, 5, false, 1, 9",
        "10, 41, true, 4, 6",
        "10, 41, false, 4, 6",
        "3, 50, true, 2, 2",
        "6, 20, false, 1, 5",
        "7, 20, true, 2, 6",
        "4, 0, true, 0, 4",
        "4, 100, true, 4, 0",
        "0, 20, true, 0, 0",
    })
    void replicaSplit(int replicas, int weight, boolean surge, int canary, int stable) {
        TrafficWeights weights = TrafficWeights.replicaSplit(weight, replicas, surge);
        assertThat(weights.canaryReplicas()).isEqualTo(canary);
        assertThat(weights.stableReplicas()).isEqualTo(stable);
        assertThat(weights.requestedWeight()).isEqualTo(weight);
    }

    @Test
    void layer7KeepsStableWhole() {
        assertThat(TrafficWeights.layer7(20, 4)).isEqualTo(new TrafficWeights(20, 1, 4));
        assertThat(TrafficWeights.layer7(50, 5)).isEqualTo(new TrafficWeights(50, 3, 5));
        assertThat(TrafficWeights.layer7(0, 5)).isEqualTo(new TrafficWeights(0, 0, 5));
        assertThat(TrafficWeights.layer7(100, 5)).isEqualTo(new TrafficWeights(100, 5, 5));
    }

    @Test
    void replicaShareIsTheActualSplit() {
        assertThat(new TrafficWeights(20, 1, 3).replicaShare()).isEqualTo(25.0);
        assertThat(new TrafficWeights(0, 0, 0).replicaShare()).isNaN();
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> new TrafficWeights(101, 0, 1)).hasMessage(
                "the canary weight must be 0 to 100, but is 101");
        assertThatThrownBy(() -> new TrafficWeights(10, -1, 1)).hasMessageContaining("at least 0");
    }
}
