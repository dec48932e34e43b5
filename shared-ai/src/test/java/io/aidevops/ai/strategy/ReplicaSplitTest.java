package io.aidevops.ai.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaSplitTest {

    /**
     * Every row of the table in section 3 of the canary research ("any" and ">0 / 0" rows expanded into both surge
     * settings), plus the two examples in the text below it.
     */
    @ParameterizedTest(name = "N={0} w={1} maxSurge={2} -> {3}:{4} = {5} %")
    @CsvSource({
        // N, w, maxSurge, canary, stable, actual %
        "1, 20, 1, 1, 1, 50",
        "1, 20, 0, 0, 1, 0",
        "2, 20, 1, 1, 2, 33.33",
        "3, 20, 1, 1, 3, 25",
        "4, 20, 1, 1, 4, 20",
        "5, 20, 1, 1, 4, 20",
        "5, 20, 0, 1, 4, 20",
        "10, 5, 1, 1, 10, 9.09",
        "10, 5, 0, 1, 9, 10",
        "10, 41, 1, 4, 6, 40",
        "10, 41, 0, 4, 6, 40",
        "3, 50, 1, 2, 2, 50",
        // "N=6 -> 1:5 = 16.7 %, N=7 with surge -> 2:6 = 25 %"
        "6, 20, 1, 1, 5, 16.67",
        "7, 20, 1, 2, 6, 25",
    })
    void followsTheArgoTable(int replicas, int weight, int maxSurge, int canary, int stable, double actual) {
        ReplicaSplit split = ReplicaSplit.of(replicas, weight, maxSurge);

        assertThat(split.canary()).isEqualTo(canary);
        assertThat(split.stable()).isEqualTo(stable);
        assertThat(split.actualPercent()).isCloseTo(actual, within(0.01));
        assertThat(split.requestedPercent()).isEqualTo(weight);
        assertThat(split.ratio()).isEqualTo(canary + ":" + stable);
    }

    @Test
    void aLargeSurgeCountsLikeOne() {
        assertThat(ReplicaSplit.of(3, 20, 5)).isEqualTo(ReplicaSplit.of(3, 20, 1));
    }

    @Test
    void warnsWithTheNumbersWhenTheWeightCanOnlyBeApproximated() {
        assertThat(ReplicaSplit.of(3, 20, 1).warning())
                .contains("3 replicas: a 20 % weight can only be approximated (1:3 = 25 %)");
        assertThat(ReplicaSplit.of(2, 20, 1).warning())
                .contains("2 replicas: a 20 % weight can only be approximated (1:2 = 33.3 %)");
    }

    @Test
    void warnsWhenTheCanaryGetsNearlyTwiceItsWeight() {
        // 9 % instead of 5 % is only 4 points, but 82 % more users exposed.
        assertThat(ReplicaSplit.of(10, 5, 1).warning())
                .contains("10 replicas: a 5 % weight can only be approximated (1:10 = 9.1 %)");
    }

    @Test
    void warnsWhenTheWeightCannotBeServedAtAll() {
        assertThat(ReplicaSplit.of(1, 20, 0).warning()).contains(
                "1 replica without surge: a 20 % weight cannot be served (0:1 = 0 %); allow a surge pod or add a replica");
    }

    @Test
    void exactOrCloseSplitsDoNotWarn() {
        assertThat(ReplicaSplit.of(5, 20, 0).warning()).isEmpty();
        assertThat(ReplicaSplit.of(10, 41, 1).warning()).isEmpty();
        assertThat(ReplicaSplit.of(6, 20, 1).warning()).isEmpty();
    }

    @Test
    void zeroAndFullWeightLeaveOneVersionAlone() {
        assertThat(ReplicaSplit.of(4, 0, 1)).extracting(ReplicaSplit::canary, ReplicaSplit::stable)
                .containsExactly(0, 4);
        assertThat(ReplicaSplit.of(4, 100, 1)).extracting(ReplicaSplit::canary, ReplicaSplit::stable)
                .containsExactly(4, 0);
        assertThat(ReplicaSplit.of(4, 100, 1).actualPercent()).isEqualTo(100);
    }

    @Test
    void zeroReplicasSplitNothing() {
        ReplicaSplit split = ReplicaSplit.of(0, 20, 1);

        assertThat(split.total()).isZero();
        assertThat(split.actualPercent()).isZero();
        assertThat(split.warning()).contains("0 replicas: there is no traffic to split");
    }

    @Test
    void keepsBothVersionsWhenTheRulesLeaveNoCandidate() {
        // 2 x 75 % = 1.5: the floor is dropped as a tie, the ceiling because it would empty the stable side.
        ReplicaSplit split = ReplicaSplit.of(2, 75, 0);

        assertThat(split.ratio()).isEqualTo("1:1");
        assertThat(split.warning()).isPresent();
    }

    @Test
    void neverEmptiesASideForInteriorWeightsAndStaysWithinTheSurge() {
        for (int replicas = 1; replicas <= 30; replicas++) {
            for (int weight = 1; weight <= 99; weight++) {
                for (int surge = 0; surge <= 1; surge++) {
                    ReplicaSplit split = ReplicaSplit.of(replicas, weight, surge);
                    String at = "N=" + replicas + " w=" + weight + " surge=" + surge;
                    assertThat(split.total()).as(at).isBetween(replicas, replicas + surge);
                    assertThat(split.actualPercent()).as(at)
                            .isCloseTo(100.0 * split.canary() / split.total(), within(1e-9));
                    if (replicas > 1 || surge > 0) {
                        assertThat(split.canary()).as(at).isPositive();
                        assertThat(split.stable()).as(at).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void aRouterGivesTheExactWeightWithEnoughCanaryPods() {
        ReplicaSplit small = ReplicaSplit.withTrafficRouter(10, 5);
        ReplicaSplit half = ReplicaSplit.withTrafficRouter(3, 50);

        assertThat(small).extracting(ReplicaSplit::canary, ReplicaSplit::stable, ReplicaSplit::actualPercent)
                .containsExactly(1, 10, 5.0);
        assertThat(half).extracting(ReplicaSplit::canary, ReplicaSplit::stable, ReplicaSplit::actualPercent)
                .containsExactly(2, 3, 50.0);
        assertThat(ReplicaSplit.withTrafficRouter(3, 0).canary()).isZero();
        assertThat(small.warning()).isEmpty();
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> ReplicaSplit.of(-1, 20, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas").hasMessageContaining("-1");
        assertThatThrownBy(() -> ReplicaSplit.of(3, 101, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weightPercent").hasMessageContaining("101");
        assertThatThrownBy(() -> ReplicaSplit.of(3, -5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weightPercent");
        assertThatThrownBy(() -> ReplicaSplit.of(3, 20, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSurge");
        assertThatThrownBy(() -> ReplicaSplit.withTrafficRouter(-2, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
    }
}
