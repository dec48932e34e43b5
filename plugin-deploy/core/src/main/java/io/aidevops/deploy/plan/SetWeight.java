package io.aidevops.deploy.plan;

/**
 * Sends {@code weight} percent of the traffic to the canary.
 *
 * @param weight the canary's share of traffic in percent, 1 to 100
 */
public record SetWeight(int weight) implements PlanStep {

    /** @throws IllegalArgumentException if the weight is not 1 to 100 */
    public SetWeight {
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("setWeight must be 1 to 100, but is " + weight);
        }
    }
}
