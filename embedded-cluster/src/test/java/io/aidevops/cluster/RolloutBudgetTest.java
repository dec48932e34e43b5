package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolloutBudgetTest {

    @ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2} -> surge {3}, unavailable {4}")
    @CsvSource({
            "4, 25%, 25%, 1, 1",
            "3, 25%, 25%, 1, 0",
            "10, 25%, 25%, 3, 2",
            "10, 33%, 33%, 4, 3",
            "1, 25%, 25%, 1, 0",
            "5, 2, 1, 2, 1",
            "3, 0, 0, 0, 1",
            "3, 0%, 0%, 0, 1",
            "2, 100%, 100%, 2, 2",
            "2, 0, 5, 0, 2"})
    void shouldRoundSurgeUpAndUnavailabilityDownLikeKubernetes(int replicas, String maxSurge, String maxUnavailable,
            int surge, int unavailable) {
        assertThat(RolloutBudget.of(deployment(replicas, maxSurge, maxUnavailable)))
                .isEqualTo(new RolloutBudget(surge, unavailable));
    }

    @Test
    void shouldDefaultToTwentyFivePercent() {
        assertThat(RolloutBudget.of(Workloads.deployment("web", "shop:v1", 8).build()))
                .isEqualTo(new RolloutBudget(2, 2));
    }

    @Test
    void shouldAllowNoUnavailabilityForRecreate() {
        Deployment recreate = Workloads.deployment("web", "shop:v1", 4).editSpec().withNewStrategy()
                .withType("Recreate").endStrategy().endSpec().build();

        assertThat(RolloutBudget.of(recreate)).isEqualTo(new RolloutBudget(0, 0));
        assertThat(RolloutBudget.of(recreate).minAvailable(4)).isEqualTo(4);
    }

    @Test
    void shouldRejectMalformedAndNegativeValuesNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> RolloutBudget.of(deployment(3, "abc", "25%")))
                .withMessage("spec.strategy.rollingUpdate.maxSurge must be an integer or a percentage such as 25%, "
                        + "but is \"abc\"");
        assertThatIllegalArgumentException().isThrownBy(() -> RolloutBudget.of(deployment(3, "25%", "-1")))
                .withMessage("spec.strategy.rollingUpdate.maxUnavailable must not be negative, but is -1");
    }

    private static Deployment deployment(int replicas, String maxSurge, String maxUnavailable) {
        return Workloads.rollingUpdate(Workloads.deployment("web", "shop:v1", replicas), intOrPercent(maxSurge),
                intOrPercent(maxUnavailable)).build();
    }

    private static Object intOrPercent(String value) {
        return value.matches("-?\\d+") ? Integer.valueOf(value) : value;
    }
}
