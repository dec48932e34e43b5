package io.aidevops.ai.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects the points and vetoes the rules hand out, so every score is the sum of explained contributions. */
final class Scorecard {

    private final Map<DeploymentStrategy, List<StrategyScore.Contribution>> contributions =
            new EnumMap<>(DeploymentStrategy.class);
    private final Map<DeploymentStrategy, String> vetoes = new EnumMap<>(DeploymentStrategy.class);

    Scorecard() {
        for (DeploymentStrategy strategy : DeploymentStrategy.values()) {
            contributions.put(strategy, new ArrayList<>());
        }
    }

    void add(DeploymentStrategy strategy, int points, String reason) {
        contributions.get(strategy).add(new StrategyScore.Contribution(points, reason));
    }

    /** A hard constraint: the strategy cannot be used. The first veto is the one reported. */
    void ruleOut(DeploymentStrategy strategy, String reason) {
        vetoes.putIfAbsent(strategy, reason);
    }

    boolean feasible(DeploymentStrategy strategy) {
        return !vetoes.containsKey(strategy);
    }

    /** Every strategy's score: feasible ones first, then by points, then in enum order (the safer-first order). */
    List<StrategyScore> scores() {
        List<StrategyScore> scores = new ArrayList<>();
        for (DeploymentStrategy strategy : DeploymentStrategy.values()) {
            List<StrategyScore.Contribution> items = contributions.get(strategy);
            int total = items.stream().mapToInt(StrategyScore.Contribution::points).sum();
            scores.add(new StrategyScore(strategy, total, Optional.ofNullable(vetoes.get(strategy)), items));
        }
        scores.sort(Comparator.comparing((StrategyScore s) -> !s.feasible())
                .thenComparing(Comparator.comparingInt(StrategyScore::score).reversed())
                .thenComparing(StrategyScore::strategy));
        return scores;
    }
}
