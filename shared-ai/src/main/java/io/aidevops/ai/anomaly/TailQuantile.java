package io.aidevops.ai.anomaly;

/**
 * A streaming estimate of a high quantile in one number (a stochastic-approximation update: step up by p, down by
 * 1 - p, in steps proportional to the estimate). It lets a threshold follow how heavy a series' tail usually is.
 */
final class TailQuantile {

    private final double probability;
    private final double step;
    private double estimate;

    /**
     * @param probability the quantile, e.g. 0.99
     * @param step the step as a share of the current estimate
     * @param initial the starting estimate
     */
    TailQuantile(double probability, double step, double initial) {
        this.probability = probability;
        this.step = step;
        this.estimate = initial;
    }

    /** The current estimate. */
    double value() {
        return estimate;
    }

    /** Moves the estimate towards the quantile of the values seen. */
    void learn(double value) {
        double size = step * Math.max(estimate, 0.1);
        estimate += value > estimate ? size * probability : -size * (1 - probability);
    }
}
