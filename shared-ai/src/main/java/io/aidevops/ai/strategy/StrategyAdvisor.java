package io.aidevops.ai.strategy;

import static io.aidevops.ai.strategy.DeploymentStrategy.BLUE_GREEN;
import static io.aidevops.ai.strategy.DeploymentStrategy.CANARY;
import static io.aidevops.ai.strategy.DeploymentStrategy.RECREATE;
import static io.aidevops.ai.strategy.DeploymentStrategy.ROLLING;
import static io.aidevops.ai.strategy.StepPlanner.number;
import static io.aidevops.ai.strategy.StepPlanner.pods;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Recommends a deployment strategy and its step plan from a {@link WorkloadProfile}.
 *
 * <h2>Scoring</h2>
 * Every strategy starts from base points that reflect how well it limits a bad version on its own: canary 50 (a share
 * of traffic, checked at each step), blue-green 40 (a checked preview, then all at once, instant switch back),
 * rolling 35 (native and cheap, no gate between pods), recreate 0 (downtime). Rules then add or take points, each with
 * a sentence carrying its numbers:
 * <table>
 *   <caption>rules and points</caption>
 *   <tr><th>rule</th><th>canary</th><th>blue-green</th><th>rolling</th><th>recreate</th></tr>
 *   <tr><td>versions cannot coexist</td><td>out</td><td>out</td><td>out</td><td>+50</td></tr>
 *   <tr><td>spare pods &lt; replicas</td><td></td><td>out</td><td></td><td></td></tr>
 *   <tr><td>no spare pod</td><td>-5 (out with 1 replica and no router)</td><td></td><td>-5 (-30 with 1 replica)</td>
 *       <td></td></tr>
 *   <tr><td>layer-7 router</td><td>+20</td><td></td><td></td><td></td></tr>
 *   <tr><td>no router, 1 replica</td><td>-30</td><td>+10</td><td></td><td></td></tr>
 *   <tr><td>no router, first step &gt;= 25 %</td><td>-10</td><td></td><td></td><td></td></tr>
 *   <tr><td>no traffic</td><td>-30</td><td>+15</td><td></td><td></td></tr>
 *   <tr><td>low traffic (first analysis &gt; 30 min)</td><td>-20</td><td>+10</td><td></td><td></td></tr>
 *   <tr><td>HPA</td><td>-5 without router</td><td></td><td>+5</td><td></td></tr>
 *   <tr><td>criticality low / medium / high / critical</td><td>0 / +5 / +15 / +20</td><td>0 / 0 / +10 / +15</td>
 *       <td>+20 / 0 / -10 / -20</td><td>0 / 0 / -10 / -20</td></tr>
 *   <tr><td>troubled history</td><td>+10</td><td>+5</td><td>-10</td><td></td></tr>
 *   <tr><td>stateful</td><td>-10</td><td>-25</td><td>+10</td><td></td></tr>
 * </table>
 * The feasible strategy with the most points wins; ties go to the earlier in {@link DeploymentStrategy} order.
 * Recreate is always feasible, so there is always an answer.
 *
 * <p>Pure computation: no I/O, no clock, no cluster access.
 */
public final class StrategyAdvisor {

    /**
     * Requests the canary should see in one analysis: a 1 % error rate then shows as about ten errors, enough for a
     * count test to tell it from zero.
     */
    public static final int MIN_REQUESTS_PER_ANALYSIS = 1000;

    /** When the first canary analysis needs longer than this to see its requests, traffic counts as low. */
    public static final Duration LOW_TRAFFIC_LIMIT = Duration.ofMinutes(30);

    /** No single analysis runs longer than this; beyond it a rollout stalls more than it learns. */
    public static final Duration MAX_ANALYSIS = Duration.ofMinutes(60);

    /** Pause after each weight change before the analysis starts. */
    public static final Duration WARM_UP = Duration.ofMinutes(1);

    /** A plan this many times longer than a typical rollout is worth a warning. */
    public static final int LONGER_THAN_USUAL = 3;

    /** A winner ahead by fewer points than this is reported as a close call. */
    public static final int CLOSE_CALL_POINTS = 10;

    private StrategyAdvisor() {
    }

    /**
     * Scores the four strategies for {@code profile}, picks the best feasible one and plans its steps.
     *
     * @param profile the workload
     * @return the recommendation, with every strategy's score and the reasons
     */
    public static StrategyRecommendation recommend(WorkloadProfile profile) {
        Objects.requireNonNull(profile, "profile");
        Scorecard card = new Scorecard();
        List<String> warnings = new ArrayList<>();
        base(card);
        coexistence(profile, card);
        capacity(profile, card, warnings);
        router(profile, card, warnings);
        traffic(profile, card);
        autoscaler(profile, card);
        criticality(profile, card);
        history(profile, card);
        stateful(profile, card);

        List<StrategyScore> scores = card.scores();
        StrategyScore winner = scores.get(0);
        StepPlanner.Plan plan = switch (winner.strategy()) {
            case CANARY -> StepPlanner.canary(profile);
            case BLUE_GREEN -> StepPlanner.blueGreen(profile);
            case ROLLING -> StepPlanner.rolling(profile);
            case RECREATE -> StepPlanner.recreate(profile);
        };

        List<String> reasons = new ArrayList<>();
        reasons.add(headline(scores));
        winner.contributions().stream().filter(c -> c.points() != 0 || !c.reason().startsWith("base"))
                .map(StrategyScore.Contribution::reason).forEach(reasons::add);
        reasons.addAll(plan.reasons());
        reasons.add(durationSentence(profile, plan));
        longerThanUsual(profile, plan).ifPresent(warnings::add);
        for (StrategyScore loser : scores.subList(1, scores.size())) {
            reasons.add(whyLost(loser, winner));
        }
        warnings.addAll(plan.warnings());
        StrategyScore runnerUp = scores.get(1);
        if (runnerUp.feasible() && winner.score() - runnerUp.score() < CLOSE_CALL_POINTS) {
            warnings.add("close call: " + winner.strategy().label() + " " + winner.score() + " vs "
                    + runnerUp.strategy().label() + " " + runnerUp.score() + " points");
        }
        return new StrategyRecommendation(winner.strategy(), plan.steps(), plan.router(), scores, reasons,
                warnings.stream().distinct().toList());
    }

    private static void base(Scorecard card) {
        card.add(CANARY, 50, "base: a canary exposes only a share of traffic and checks it at every step");
        card.add(BLUE_GREEN, 40, "base: blue-green checks a full preview, then switches all traffic at once and can "
                + "switch back instantly");
        card.add(ROLLING, 35, "base: a rolling update is native and cheap but has no gate between pods");
        card.add(RECREATE, 0, "base: recreate means downtime");
    }

    private static void coexistence(WorkloadProfile p, Scorecard card) {
        if (p.coexistence() == Coexistence.SUPPORTED) {
            return;
        }
        String why = p.coexistence().description() + ", so the two versions must never serve at the same time";
        card.ruleOut(CANARY, why);
        card.ruleOut(BLUE_GREEN, why);
        card.ruleOut(ROLLING, why);
        card.add(RECREATE, 50, why + "; recreate is the only strategy that never runs both");
    }

    private static void capacity(WorkloadProfile p, Scorecard card, List<String> warnings) {
        int n = p.replicas();
        int spare = p.sparePods();
        if (spare < n) {
            card.ruleOut(BLUE_GREEN, "blue-green needs " + pods(n) + " extra for the preview (2x), but only "
                    + spare + " spare fit");
        } else {
            card.add(BLUE_GREEN, 0, "2x capacity available: the preview needs " + pods(n) + " extra, " + spare
                    + " spare");
        }
        if (spare == 0) {
            if (n == 1) {
                card.add(ROLLING, -30, "1 replica and no spare pod: a rolling update stops the only pod before its"
                        + " replacement is ready, an outage");
                warnings.add("1 replica and no spare pod: any strategy interrupts service; add a replica or spare"
                        + " capacity");
            } else {
                card.add(ROLLING, -5, "no spare pod: the rolling update runs with maxSurge 0, one pod of " + n
                        + " short at a time");
            }
            if (!p.router().routesByRequest()) {
                if (n == 1) {
                    card.ruleOut(CANARY, "1 replica, no spare pod and no traffic router: a canary pod can only "
                            + "replace the only pod (0:1 at 20 %)");
                } else {
                    card.add(CANARY, -5, "no spare pod: each canary pod replaces one of the " + n + " stable pods");
                }
            }
        }
    }

    private static void router(WorkloadProfile p, Scorecard card, List<String> warnings) {
        if (p.router().routesByRequest()) {
            card.add(CANARY, 20, p.router().label() + " routes by request: canary weights as fine as needed, "
                    + "independent of the replica count");
            return;
        }
        int n = p.replicas();
        if (n == 1) {
            ReplicaSplit split = ReplicaSplit.of(1, 20, 1);
            card.add(CANARY, -30, "1 replica without a traffic router: the smallest canary weight is "
                    + ReplicaSplit.percent(split.actualPercent()) + " (" + split.ratio() + " with a surge pod)");
            card.add(BLUE_GREEN, 10, "1 replica: the blue-green preview costs only 1 extra pod");
            warnings.add("1 replica without a traffic router: add a replica or a traffic router for a real canary");
            return;
        }
        List<ReplicaSplit> splits = StepPlanner.canarySplits(p);
        if (!splits.isEmpty() && splits.get(0).actualPercent() >= 25) {
            ReplicaSplit first = splits.get(0);
            card.add(CANARY, -10, n + " replicas without a traffic router: the first canary step already sends "
                    + ReplicaSplit.percent(first.actualPercent()) + " of traffic (" + first.ratio() + ")");
        }
    }

    private static void traffic(WorkloadProfile p, Scorecard card) {
        double rate = p.requestsPerSecond();
        if (rate == 0) {
            card.add(CANARY, -30, "no traffic (0 requests/s): a canary analysis would see no requests");
            card.add(BLUE_GREEN, 15, "no traffic: a smoke test on the blue-green preview is the only meaningful"
                    + " check");
            return;
        }
        List<ReplicaSplit> splits = StepPlanner.canarySplits(p);
        if (splits.isEmpty()) {
            return;
        }
        double weight = splits.get(0).actualPercent();
        double seconds = StepPlanner.secondsToCollect(rate, weight);
        if (seconds > LOW_TRAFFIC_LIMIT.getSeconds()) {
            String collect = number(rate) + " requests/s: at " + ReplicaSplit.percent(weight) + " the canary needs "
                    + Math.round(seconds / 60) + " min to see " + MIN_REQUESTS_PER_ANALYSIS + " requests (limit "
                    + Durations.minutes(LOW_TRAFFIC_LIMIT) + ")";
            card.add(CANARY, -20, collect);
            card.add(BLUE_GREEN, 10, "low traffic (" + number(rate) + " requests/s): blue-green with a smoke check,"
                    + " then full traffic, gathers data " + String.format(Locale.ROOT, "%.0f", 100 / weight)
                    + "x faster than the first canary step");
        }
    }

    private static void autoscaler(WorkloadProfile p, Scorecard card) {
        if (!p.autoscaled()) {
            return;
        }
        Autoscaler hpa = p.autoscaler();
        String bounds = "HPA min " + hpa.minReplicas() + " max " + hpa.maxReplicas();
        if (!p.router().routesByRequest()) {
            card.add(CANARY, -5, bounds + ": scaling the stable side moves a replica-based split, so canary "
                    + "replicas must be pinned during analysis");
        }
        card.add(ROLLING, 5, bounds + ": a rolling update leaves the HPA in charge throughout");
    }

    private static void criticality(WorkloadProfile p, Scorecard card) {
        String level = p.criticality().name().toLowerCase(Locale.ROOT) + " criticality";
        switch (p.criticality()) {
            case LOW -> card.add(ROLLING, 20, level + ": a plain rolling update is cheap and good enough");
            case MEDIUM -> card.add(CANARY, 5, level + ": a checked, gradual exposure is worth its time");
            case HIGH -> {
                card.add(CANARY, 15, level + ": limit how many users a bad version reaches");
                card.add(BLUE_GREEN, 10, level + ": check the new version before it takes traffic");
                card.add(ROLLING, -10, level + ": a rolling update has no analysis gate");
                card.add(RECREATE, -10, level + ": downtime");
            }
            case CRITICAL -> {
                card.add(CANARY, 20, level + ": the smallest blast radius and the most checks");
                card.add(BLUE_GREEN, 15, level + ": check the new version before it takes traffic");
                card.add(ROLLING, -20, level + ": a rolling update has no analysis gate");
                card.add(RECREATE, -20, level + ": downtime");
            }
        }
    }

    private static void history(WorkloadProfile p, Scorecard card) {
        RolloutHistory history = p.history();
        if (!history.troubled()) {
            return;
        }
        String failed = history.rolledBack() + " of the last " + history.rollouts() + " rollouts were rolled back ("
                + Math.round(history.failureRate() * 100) + " %)";
        card.add(CANARY, 10, failed + ": expose the next one gradually");
        card.add(BLUE_GREEN, 5, failed + ": check the next one before it takes traffic");
        card.add(ROLLING, -10, failed + ": a rolling update would spread a bad version without a check");
    }

    private static void stateful(WorkloadProfile p, Scorecard card) {
        if (!p.stateful()) {
            return;
        }
        card.add(BLUE_GREEN, -25, "stateful: a full blue-green copy needs its own volumes and a data sync");
        card.add(CANARY, -10, "stateful: canary and stable pods share or split the data; keep the canary small");
        card.add(ROLLING, 10, "stateful: an ordered (partitioned) rolling update keeps one copy of the data");
    }

    private static String headline(List<StrategyScore> scores) {
        StrategyScore winner = scores.get(0);
        List<String> others = new ArrayList<>();
        for (StrategyScore other : scores.subList(1, scores.size())) {
            others.add(other.strategy().label() + " " + (other.feasible() ? String.valueOf(other.score())
                    : "ruled out"));
        }
        return winner.strategy().label() + " scored " + winner.score() + " points (" + String.join(", ", others)
                + ")";
    }

    private static String whyLost(StrategyScore loser, StrategyScore winner) {
        String name = loser.strategy().label();
        if (!loser.feasible()) {
            return name + " is ruled out: " + loser.ruledOut().orElseThrow();
        }
        String worst = loser.contributions().stream().filter(c -> c.points() < 0)
                .min((a, b) -> Integer.compare(a.points(), b.points())).map(c -> "; mainly " + c.reason())
                .orElse("; no rule added to its base points");
        return name + " scored " + loser.score() + " vs " + winner.score() + worst;
    }

    private static String durationSentence(WorkloadProfile p, StepPlanner.Plan plan) {
        Duration total = plan.steps().stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
        Duration typical = p.history().typicalDuration();
        String sentence = "the plan holds the rollout for " + Durations.minutes(total);
        if (!typical.isZero()) {
            sentence += " (a typical rollout took " + Durations.minutes(typical) + ")";
        }
        return sentence;
    }

    private static Optional<String> longerThanUsual(WorkloadProfile p, StepPlanner.Plan plan) {
        Duration typical = p.history().typicalDuration();
        Duration total = plan.steps().stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
        if (typical.isZero() || total.compareTo(typical.multipliedBy(LONGER_THAN_USUAL)) <= 0) {
            return Optional.empty();
        }
        return Optional.of("the plan holds the rollout for " + Durations.minutes(total) + ", "
                + total.getSeconds() / typical.getSeconds() + "x the typical " + Durations.minutes(typical)
                + ": plan the release window for it");
    }
}
