package io.aidevops.ai.canary;

import java.util.Arrays;
import java.util.Objects;

/**
 * The observed values of one metric: baseline and canary, in any order, of any lengths (pods and scrapes differ).
 * NaN values are missing scrapes and are dropped before judging; infinities are rejected.
 *
 * <p>For error rates each value may come with the number of requests it was measured over ({@code *Weights}); the
 * judge then counts errors instead of averaging shares, which is what makes sparse errors visible.
 *
 * @param baseline the baseline's values
 * @param canary the canary's values
 * @param baselineWeights requests behind each baseline value, or null
 * @param canaryWeights requests behind each canary value, or null
 */
public record MetricSamples(double[] baseline, double[] canary, double[] baselineWeights, double[] canaryWeights) {

    /**
     * @throws IllegalArgumentException if a value is infinite, or weights do not match their values or are negative
     */
    public MetricSamples {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(canary, "canary");
        requireFinite("baseline", baseline);
        requireFinite("canary", canary);
        requireWeights("baseline", baseline, baselineWeights);
        requireWeights("canary", canary, canaryWeights);
        if ((baselineWeights == null) != (canaryWeights == null)) {
            throw new IllegalArgumentException("weights must be given for both baseline and canary, or for neither");
        }
    }

    /** Values without weights. */
    public static MetricSamples of(double[] baseline, double[] canary) {
        return new MetricSamples(baseline, canary, null, null);
    }

    /** Whether request counts come with the values. */
    public boolean weighted() {
        return baselineWeights != null;
    }

    /** The baseline's values without missing ones. */
    public double[] baselinePresent() {
        return present(baseline);
    }

    /** The canary's values without missing ones. */
    public double[] canaryPresent() {
        return present(canary);
    }

    private static double[] present(double[] values) {
        // A loop, not a stream: judges call this for every metric of every look.
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        if (count == values.length) {
            return values.clone();
        }
        double[] result = new double[count];
        int i = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                result[i++] = v;
            }
        }
        return result;
    }

    private static void requireFinite(String side, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(side + "[" + i + "] is " + values[i] + "; values must be finite");
            }
        }
    }

    private static void requireWeights(String side, double[] values, double[] weights) {
        if (weights == null) {
            return;
        }
        if (weights.length != values.length) {
            throw new IllegalArgumentException(side + " has " + values.length + " values but " + weights.length
                    + " request counts; they must pair up");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(side + " request count [" + i + "] is " + weights[i]
                        + "; it must be a finite number of at least 0");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSamples m && Arrays.equals(baseline, m.baseline) && Arrays.equals(canary, m.canary)
                && Arrays.equals(baselineWeights, m.baselineWeights) && Arrays.equals(canaryWeights, m.canaryWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(baseline), Arrays.hashCode(canary), Arrays.hashCode(baselineWeights),
                Arrays.hashCode(canaryWeights));
    }

    @Override
    public String toString() {
        return "MetricSamples[baseline=" + baseline.length + " values, canary=" + canary.length + " values"
                + (weighted() ? ", weighted" : "") + "]";
    }
}
