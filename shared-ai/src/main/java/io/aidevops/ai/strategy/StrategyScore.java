package io.aidevops.ai.strategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one strategy fared: its points, each rule that gave or took them, and whether a hard constraint ruled it out.
 *
 * @param strategy the strategy
 * @param score the sum of the contributions' points
 * @param ruledOut why the strategy cannot be used at all; empty when it can
 * @param contributions every rule that touched the strategy, in the order they were applied
 */
public record StrategyScore(DeploymentStrategy strategy, int score, Optional<String> ruledOut,
        List<Contribution> contributions) {

    /** Copies the list. */
    public StrategyScore {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(ruledOut, "ruledOut");
        contributions = List.copyOf(contributions);
    }

    /** Whether the strategy can be used. */
    public boolean feasible() {
        return ruledOut.isEmpty();
    }

    /**
     * Points one rule gave (positive) or took (negative), with the sentence that explains them.
     *
     * @param points signed points; 0 for a plain note
     * @param reason the rule's sentence, with the numbers that drove it
     */
    public record Contribution(int points, String reason) {

        /** @throws NullPointerException if the reason is null */
        public Contribution {
            Objects.requireNonNull(reason, "reason");
        }

        /** The contribution as {@code +20 reason} or {@code -10 reason}. */
        public String describe() {
            return (points >= 0 ? "+" : "") + points + " " + reason;
        }
    }
}
