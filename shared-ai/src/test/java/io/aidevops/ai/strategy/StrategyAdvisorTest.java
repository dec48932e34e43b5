package io.aidevops.ai.strategy;

import static io.aidevops.ai.strategy.DeploymentStrategy.BLUE_GREEN;
import static io.aidevops.ai.strategy.DeploymentStrategy.CANARY;
import static io.aidevops.ai.strategy.DeploymentStrategy.RECREATE;
import static io.aidevops.ai.strategy.DeploymentStrategy.ROLLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyAdvisorTest {

    private static final RolloutHistory TROUBLED = new RolloutHistory(5, 2, Duration.ofMinutes(10));

    @Test
    void aMeshGivesAFineGrainedCanary() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 200).withRouter(TrafficRouter.ISTIO).withCriticality(Criticality.HIGH));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.router()).isEqualTo(TrafficRouter.ISTIO);
        assertThat(advice.weights()).containsExactly(5, 10, 25, 50, 100);
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("istio routes by request"))
                .anyMatch(r -> r.equals("istio sets the weight per request: using 5 %, 10 %, 25 % then 50 % "
                        + "regardless of the 10 pods"));
    }

    @Test
    void theCanaryPlanAlternatesWeightWarmUpAndAnalysisAndEndsAtFullWeight() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 200).withRouter(TrafficRouter.GATEWAY_API));

        assertThat(advice.steps()).containsExactly(
                new PlannedStep.SetWeight(10), new PlannedStep.Pause(Duration.ofMinutes(1)),
                new PlannedStep.Analysis(Duration.ofMinutes(5)),
                new PlannedStep.SetWeight(25), new PlannedStep.Pause(Duration.ofMinutes(1)),
                new PlannedStep.Analysis(Duration.ofMinutes(5)),
                new PlannedStep.SetWeight(50), new PlannedStep.Pause(Duration.ofMinutes(1)),
                new PlannedStep.Analysis(Duration.ofMinutes(5)),
                new PlannedStep.SetWeight(100));
        assertThat(advice.totalDuration()).isEqualTo(Duration.ofMinutes(18));
        assertThat(advice.steps().get(2).describe()).isEqualTo("analysis 5m");
        assertThat(advice.reasons()).contains("the plan holds the rollout for 18 min");
    }

    @Test
    void withoutARouterTheWeightsAreWhatTheReplicasCanServe() {
        WorkloadProfile profile = WorkloadProfile.of(3, 100).withCriticality(Criticality.LOW);

        StepPlanner.Plan plan = StepPlanner.canary(profile);

        assertThat(plan.reasons()).contains(
                "3 replicas: a 20 % weight can only be approximated (1:3 = 25 %); using 25 % then 50 %");
        assertThat(plan.steps()).filteredOn(PlannedStep.SetWeight.class::isInstance)
                .containsExactly(new PlannedStep.SetWeight(25), new PlannedStep.SetWeight(50),
                        new PlannedStep.SetWeight(100));
        assertThat(plan.router()).isEqualTo(TrafficRouter.NONE);
    }

    @Test
    void aCoarseReplicaSplitCostsTheCanaryPoints() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(3, 100));

        assertThat(advice.score(CANARY).contributions()).anyMatch(c -> c.points() == -10 && c.reason().equals(
                "3 replicas without a traffic router: the first canary step already sends 25 % of traffic (1:3)"));
    }

    @Test
    void plannedWeightsMapBackToTheSameSplit() {
        for (int replicas = 1; replicas <= 20; replicas++) {
            for (Criticality level : Criticality.values()) {
                for (int spare : new int[] {0, replicas}) {
                    WorkloadProfile profile = WorkloadProfile.of(replicas, 100).withCriticality(level)
                            .withSparePods(spare);
                    int previous = 0;
                    for (ReplicaSplit split : StepPlanner.canarySplits(profile)) {
                        int weight = StepPlanner.stepWeight(profile, split);
                        ReplicaSplit again = ReplicaSplit.of(replicas, weight, StepPlanner.maxSurge(profile));
                        String at = profile + " weight " + weight;
                        assertThat(again.ratio()).as(at).isEqualTo(split.ratio());
                        assertThat(weight).as(at).isGreaterThan(previous).isLessThan(100);
                        previous = weight;
                    }
                }
            }
        }
    }

    @Test
    void oneReplicaWithoutAMeshPrefersBlueGreen() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(1, 50));

        assertThat(advice.strategy()).isEqualTo(BLUE_GREEN);
        assertThat(advice.score(CANARY).contributions()).anyMatch(c -> c.reason().equals(
                "1 replica without a traffic router: the smallest canary weight is 50 % (1:1 with a surge pod)"));
        assertThat(advice.warnings()).anyMatch(w -> w.contains("add a replica or a traffic router"));
        assertThat(advice.steps()).containsExactly(new PlannedStep.Analysis(Duration.ofMinutes(5)),
                new PlannedStep.SetWeight(100), new PlannedStep.Analysis(Duration.ofMinutes(5)),
                new PlannedStep.Pause(Duration.ofMinutes(10)));
    }

    @Test
    void oneReplicaWithoutSpareCapacityRulesOutCanaryAndBlueGreen() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(1, 50).withSparePods(0));

        assertThat(advice.strategy()).isEqualTo(ROLLING);
        assertThat(advice.score(CANARY).feasible()).isFalse();
        assertThat(advice.score(BLUE_GREEN).ruledOut())
                .contains("blue-green needs 1 pod extra for the preview (2x), but only 0 spare fit");
        assertThat(advice.warnings()).anyMatch(w -> w.startsWith("1 replica and no spare pod"));
    }

    @Test
    void noSpareCapacityMeansCanaryOrRollingButNotBlueGreen() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(8, 100).withSparePods(3));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.score(BLUE_GREEN).feasible()).isFalse();
        assertThat(advice.reasons())
                .contains("blue-green is ruled out: blue-green needs 8 pods extra for the preview (2x), but only 3 "
                        + "spare fit");
        assertThat(advice.scores().get(advice.scores().size() - 1).strategy()).isEqualTo(BLUE_GREEN);
    }

    @Test
    void withoutAnySparePodTheCanaryReplacesStablePods() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(4, 100).withSparePods(0));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.reasons()).contains("no spare pod: each canary pod replaces a stable pod (maxSurge 0)");
    }

    @ParameterizedTest
    @EnumSource(value = Coexistence.class, names = {"SCHEMA_MIGRATION", "SINGLETON"})
    void versionsThatCannotCoexistAreRecreated(Coexistence coexistence) {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(6, 300).withRouter(TrafficRouter.ISTIO).withCriticality(Criticality.CRITICAL)
                        .withCoexistence(coexistence));

        assertThat(advice.strategy()).isEqualTo(RECREATE);
        assertThat(advice.scores()).filteredOn(s -> s.strategy() != RECREATE)
                .allSatisfy(s -> assertThat(s.ruledOut()).get().asString().contains(coexistence.description()));
        assertThat(advice.steps()).first().isEqualTo(new PlannedStep.SetWeight(100));
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("recreate: all 6 pods of the old version stop"));
    }

    @Test
    void aTroubledHistoryGivesMoreSmallerStepsAndLongerAnalysis() {
        WorkloadProfile calm = WorkloadProfile.of(10, 500).withRouter(TrafficRouter.NGINX);
        StrategyRecommendation usual = StrategyAdvisor.recommend(calm);
        StrategyRecommendation careful = StrategyAdvisor.recommend(calm.withHistory(TROUBLED));

        assertThat(usual.weights()).containsExactly(10, 25, 50, 100);
        assertThat(careful.weights()).containsExactly(5, 10, 25, 50, 100);
        assertThat(analyses(careful)).containsOnly(Duration.ofMinutes(10));
        assertThat(analyses(usual)).containsOnly(Duration.ofMinutes(5));
        assertThat(careful.reasons()).contains("2 of the last 5 rollouts were rolled back: longer analysis "
                + "(10 min instead of 5 min for medium criticality) and more, smaller steps");
        assertThat(careful.score(CANARY).score()).isGreaterThan(usual.score(CANARY).score());
        assertThat(careful.score(ROLLING).score()).isLessThan(usual.score(ROLLING).score());
    }

    @Test
    void oneFailureInTwoRolloutsIsNoHistoryYet() {
        WorkloadProfile profile = WorkloadProfile.of(10, 500).withRouter(TrafficRouter.NGINX)
                .withHistory(new RolloutHistory(2, 1, Duration.ZERO));

        assertThat(StrategyAdvisor.recommend(profile).weights()).containsExactly(10, 25, 50, 100);
    }

    @Test
    void criticalityBuysSmallerStepsAndLongerAnalysis() {
        WorkloadProfile profile = WorkloadProfile.of(20, 1000).withRouter(TrafficRouter.ISTIO);
        StrategyRecommendation low = StrategyAdvisor.recommend(profile.withCriticality(Criticality.LOW));
        StrategyRecommendation critical = StrategyAdvisor.recommend(profile.withCriticality(Criticality.CRITICAL));

        assertThat(low.weights()).containsExactly(20, 50, 100);
        assertThat(critical.weights()).containsExactly(2, 5, 10, 25, 50, 75, 100);
        assertThat(analyses(low)).containsOnly(Duration.ofMinutes(2));
        assertThat(analyses(critical)).containsOnly(Duration.ofMinutes(15));
        assertThat(critical.totalDuration()).isGreaterThan(low.totalDuration());
    }

    @Test
    void lowCriticalityWithoutARouterIsARollingUpdate() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(5, 100).withCriticality(Criticality.LOW));

        assertThat(advice.strategy()).isEqualTo(ROLLING);
        assertThat(advice.reasons()).contains("low criticality: a plain rolling update is cheap and good enough")
                .anyMatch(r -> r.startsWith("rolling update with maxSurge 1, maxUnavailable 0 (5 spare pods)"));
        assertThat(advice.weights()).containsExactly(100);
    }

    @Test
    void lowTrafficPrefersBlueGreenWithASmokeCheck() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(4, 0.5));

        assertThat(advice.strategy()).isEqualTo(BLUE_GREEN);
        assertThat(advice.score(CANARY).contributions()).anyMatch(c -> c.points() == -20 && c.reason().equals(
                "0.5 requests/s: at 20 % the canary needs 167 min to see 1000 requests (limit 30 min)"));
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("blue-green: the preview (4 pods) gets a 5 min "
                + "smoke check without user traffic"));
        // 1000 requests at 0.5/s take 33.3 min, so the analysis after the switch lasts 34 min.
        assertThat(advice.steps().get(2)).isEqualTo(new PlannedStep.Analysis(Duration.ofMinutes(34)));
    }

    @Test
    void noTrafficAtAllIsBlueGreenAndWarnsInTheCanaryPlan() {
        WorkloadProfile idle = WorkloadProfile.of(10, 0).withRouter(TrafficRouter.ISTIO);

        assertThat(StrategyAdvisor.recommend(idle).strategy()).isEqualTo(BLUE_GREEN);
        assertThat(StepPlanner.canary(idle).warnings())
                .anyMatch(w -> w.startsWith("no traffic (0 requests/s): the canary analysis will see no requests"));
    }

    @Test
    void thinTrafficStretchesTheAnalysisToCollectEnoughRequests() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 10).withRouter(TrafficRouter.ISTIO));

        // 10 % of 10 requests/s = 1 per second: 1000 requests take 16.7 min, so 17 min.
        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(analyses(advice)).containsExactly(Duration.ofMinutes(17), Duration.ofMinutes(7),
                Duration.ofMinutes(5));
        assertThat(advice.reasons()).contains("10 requests/s: at 10 % the canary sees 1 requests/s and needs 17 min "
                + "for 1000 requests, so the first analysis lasts 17 min instead of 5 min");
    }

    @Test
    void analysesAreCappedAndTheCapIsWarnedAbout() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 1).withRouter(TrafficRouter.ISTIO).withCriticality(Criticality.HIGH));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(analyses(advice)).allMatch(d -> d.compareTo(StrategyAdvisor.MAX_ANALYSIS) <= 0)
                .contains(StrategyAdvisor.MAX_ANALYSIS);
        assertThat(advice.warnings()).contains("1 requests/s: at 5 % even 60 min bring only 180 canary requests of "
                + "the 1000 an analysis wants; its verdict rests on few requests");
    }

    @Test
    void anHpaPinsCanaryReplicasAndWarnsThatTheSplitMoves() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(4, 200).withAutoscaler(new Autoscaler(2, 10)));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.reasons())
                .contains("HPA min 2 max 10 on this Deployment: canary replicas are pinned during analysis");
        assertThat(advice.warnings()).anyMatch(w -> w.contains("at 2 pods the first step is 1:2 = 33.3 %"));
        assertThat(advice.score(ROLLING).contributions())
                .anyMatch(c -> c.points() == 5 && c.reason().startsWith("HPA min 2 max 10"));
    }

    @Test
    void statefulWorkloadsAvoidBlueGreenCopies() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(3, 100).withStateful(true).withSparePods(6).withCriticality(Criticality.HIGH));

        assertThat(advice.score(BLUE_GREEN).contributions()).anyMatch(c -> c.points() == -25);
        assertThat(advice.strategy()).isNotEqualTo(BLUE_GREEN);
        assertThat(advice.score(ROLLING).contributions())
                .anyMatch(c -> c.reason().startsWith("stateful: an ordered (partitioned) rolling update"));
    }

    @Test
    void scoresAreTheSumOfTheirExplainedContributions() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(6, 50)
                .withAutoscaler(new Autoscaler(3, 12)).withHistory(TROUBLED).withCriticality(Criticality.HIGH));

        assertThat(advice.scores()).hasSize(4).extracting(StrategyScore::strategy)
                .containsExactlyInAnyOrder(DeploymentStrategy.values());
        assertThat(advice.scores()).allSatisfy(s -> assertThat(s.score())
                .isEqualTo(s.contributions().stream().mapToInt(StrategyScore.Contribution::points).sum()));
        assertThat(advice.scores().get(0).strategy()).isEqualTo(advice.strategy());
        assertThat(advice.scores()).extracting(StrategyScore::score).isSortedAccordingTo((a, b) -> b - a);
        assertThat(advice.reasons().get(0)).startsWith(advice.strategy().label() + " scored "
                + advice.score(advice.strategy()).score() + " points (");
    }

    @Test
    void theReasonsSayWhyTheOthersLost() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 200).withRouter(TrafficRouter.ISTIO).withCriticality(Criticality.HIGH));

        assertThat(advice.reasons()).contains("canary scored 85 points (blue-green 50, rolling 25, recreate -10)")
                .contains("rolling scored 25 vs 85; mainly high criticality: a rolling update has no analysis gate")
                .contains("blue-green scored 50 vs 85; no rule added to its base points");
        assertThat(advice.score(ROLLING).contributions().get(0).describe())
                .isEqualTo("+35 base: a rolling update is native and cheap but has no gate between pods");
    }

    @Test
    void aNarrowWinIsFlaggedAsACloseCall() {
        // canary 50 + 5 (medium) - 10 (stateful) = 45; rolling 35 + 10 (stateful) = 45; ties go to canary.
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(6, 100).withSparePods(2).withStateful(true));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.warnings()).contains("close call: canary 45 vs rolling 45 points");
    }

    @Test
    void aClearWinIsNoCloseCall() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(3, 5).withCriticality(Criticality.HIGH).withHistory(TROUBLED));

        assertThat(advice.score(CANARY).score() - advice.score(BLUE_GREEN).score())
                .isEqualTo(StrategyAdvisor.CLOSE_CALL_POINTS);
        assertThat(advice.warnings()).noneMatch(w -> w.startsWith("close call"));
    }

    @Test
    void aPlanMuchLongerThanUsualIsWarnedAbout() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(WorkloadProfile.of(10, 100)
                .withRouter(TrafficRouter.ISTIO).withCriticality(Criticality.CRITICAL)
                .withHistory(new RolloutHistory(10, 0, Duration.ofMinutes(10))));

        assertThat(advice.totalDuration()).isEqualTo(Duration.ofMinutes(6 * 16));
        assertThat(advice.reasons()).contains("the plan holds the rollout for 96 min (a typical rollout took 10 min)");
        assertThat(advice.warnings())
                .contains("the plan holds the rollout for 96 min, 9x the typical 10 min: plan the release window for it");
    }

    @Test
    void aRouterWithoutRoomForTheCanaryPodsIsWarnedAbout() {
        StrategyRecommendation advice = StrategyAdvisor.recommend(
                WorkloadProfile.of(10, 500).withRouter(TrafficRouter.ISTIO).withSparePods(2));

        assertThat(advice.strategy()).isEqualTo(CANARY);
        assertThat(advice.warnings()).contains("at 50 % the canary needs 5 pods next to the 10 stable ones, but only "
                + "2 spare fit; scale the stable side down as the weight grows");
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> WorkloadProfile.of(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> WorkloadProfile.of(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> WorkloadProfile.of(3, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> WorkloadProfile.of(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> WorkloadProfile.of(3, 10).withSparePods(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sparePods");
        assertThatThrownBy(() -> new Autoscaler(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minReplicas");
        assertThatThrownBy(() -> new Autoscaler(4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxReplicas");
        assertThatThrownBy(() -> new RolloutHistory(2, 3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rolledBack");
        assertThatThrownBy(() -> new RolloutHistory(-1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollouts");
        assertThatThrownBy(() -> new PlannedStep.SetWeight(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> new PlannedStep.Pause(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> StrategyAdvisor.recommend(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("profile");
    }

    private static List<Duration> analyses(StrategyRecommendation advice) {
        return advice.steps().stream().filter(PlannedStep.Analysis.class::isInstance).map(PlannedStep::duration)
                .toList();
    }
}
