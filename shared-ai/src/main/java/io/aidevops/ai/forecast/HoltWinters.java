package io.aidevops.ai.forecast;

/**
 * The state of additive Holt-Winters with a damped trend (component form): level, trend and, with a season, one
 * seasonal offset per step of the cycle. Memory is the season's length; every update is a handful of operations.
 */
final class HoltWinters {

    final Smoothing smoothing;
    final int season;
    private final double[] offsets;
    private double level;
    private double trend;
    /** Steps taken so far; the next observation falls on season index {@code steps mod season}. */
    private long steps;

    private HoltWinters(Smoothing smoothing, int season, double level, double[] offsets) {
        this.smoothing = smoothing;
        this.season = season;
        this.level = level;
        this.offsets = offsets;
    }

    /**
     * A model started from the first points: the level is the mean of the first cycle (or the first point), the
     * trend zero (the damped trend then learns it; a trend guessed from two noisy cycles does more harm than
     * good), and each seasonal offset the mean deviation of that step from its cycle's mean over the first two
     * cycles.
     *
     * @param positions each point's step number from the first point (0), strictly increasing
     * @param values the points' values
     * @param n how many points to read
     */
    static HoltWinters start(Smoothing smoothing, int season, long[] positions, double[] values, int n) {
        if (season <= 0) {
            return new HoltWinters(smoothing, 0, values[0], new double[0]);
        }
        double[] cycleSum = new double[2];
        int[] cycleCount = new int[2];
        for (int i = 0; i < n && positions[i] < 2L * season; i++) {
            int cycle = (int) (positions[i] / season);
            cycleSum[cycle] += values[i];
            cycleCount[cycle]++;
        }
        double[] sum = new double[season];
        int[] count = new int[season];
        for (int i = 0; i < n && positions[i] < 2L * season; i++) {
            int cycle = (int) (positions[i] / season);
            int index = (int) (positions[i] % season);
            sum[index] += values[i] - cycleSum[cycle] / cycleCount[cycle];
            count[index]++;
        }
        double[] offsets = new double[season];
        for (int j = 0; j < season; j++) {
            offsets[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        double level = cycleCount[0] > 0 ? cycleSum[0] / cycleCount[0] : values[0];
        return new HoltWinters(smoothing, season, level, offsets);
    }

    /** The forecast {@code h} steps ahead of the last update, h at least 1. */
    double predict(long h) {
        double phi = smoothing.phi();
        double damped = phi == 1 ? h : phi * (1 - Math.pow(phi, h)) / (1 - phi);
        return predict(h, damped);
    }

    /** The forecast {@code h} steps ahead, given the damping sum phi + phi^2 + ... + phi^h. */
    double predict(long h, double dampedSum) {
        double offset = season == 0 ? 0 : offsets[(int) ((steps + h - 1) % season)];
        return level + dampedSum * trend + offset;
    }

    /** Takes the next step's value; returns the one-step error it made (value minus forecast). */
    double update(double value) {
        double alpha = smoothing.alpha();
        double beta = smoothing.beta();
        double gamma = smoothing.gamma();
        double phi = smoothing.phi();
        int index = season == 0 ? 0 : (int) (steps % season);
        double offset = season == 0 ? 0 : offsets[index];
        double error = value - (level + phi * trend + offset);
        double previous = level;
        level = alpha * (value - offset) + (1 - alpha) * (previous + phi * trend);
        trend = beta * (level - previous) + (1 - beta) * phi * trend;
        if (season > 0) {
            offsets[index] = gamma * (value - level) + (1 - gamma) * offset;
        }
        steps++;
        return error;
    }

    /**
     * Steps over a missing point: the level moves along the damped trend and the season turns, so the next
     * observation is compared with the right seasonal offset.
     */
    void skip(long count) {
        // Beyond a few seasons the damped trend has died out; only the season's phase still matters.
        long walk = Math.min(count, Math.max(1000, 4L * season));
        double phi = smoothing.phi();
        for (long i = 0; i < walk; i++) {
            level += phi * trend;
            trend *= phi;
        }
        steps += count;
    }

    /**
     * How much the error of an h-step forecast adds up relative to one step: 1 + sum over j &lt; h of c_j^2, with
     * c_j = alpha (1 + beta (phi + ... + phi^j)) + gamma (1 - alpha) when j is a whole number of seasons. That is
     * the variance of the additive damped model in its error-correction form, where an error moves every later
     * forecast by c_j times itself.
     */
    double[] varianceFactors(int h) {
        double alpha = smoothing.alpha();
        double beta = smoothing.beta();
        double phi = smoothing.phi();
        double seasonal = smoothing.gamma() * (1 - alpha);
        double[] factors = new double[h];
        double sum = 1;
        double damped = 0;
        double power = 1;
        for (int j = 1; j <= h; j++) {
            factors[j - 1] = sum;
            power *= phi;
            damped += power;
            double c = alpha * (1 + beta * damped) + (season > 0 && j % season == 0 ? seasonal : 0);
            sum += c * c;
        }
        return factors;
    }
}
