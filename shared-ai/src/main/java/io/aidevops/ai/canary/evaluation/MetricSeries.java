package io.aidevops.ai.canary.evaluation;

import java.util.Arrays;
import java.util.Objects;

import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.ai.canary.MetricSpec;

/**
 * One metric of a rollout, pod by pod and scrape by scrape: {@code baseline[pod][point]}. NaN is a missing scrape.
 *
 * @param spec how the metric is judged
 * @param baseline the baseline's values per pod, every pod with the same number of points
 * @param canary the canary's values per pod
 * @param baselineWeights requests behind each baseline value (error rates), or null
 * @param canaryWeights requests behind each canary value, or null
 */
public record MetricSeries(MetricSpec spec, double[][] baseline, double[][] canary, double[][] baselineWeights,
        double[][] canaryWeights) {

    /** @throws IllegalArgumentException if pods have different lengths or weights do not pair with values */
    public MetricSeries {
        Objects.requireNonNull(spec, "spec");
        int points = requireRectangular(baseline, canary);
        if ((baselineWeights == null) != (canaryWeights == null)) {
            throw new IllegalArgumentException(spec.name() + ": weights on both sides or on neither");
        }
        if (baselineWeights != null && (requireRectangular(baselineWeights, canaryWeights) != points
                || baselineWeights.length != baseline.length || canaryWeights.length != canary.length)) {
            throw new IllegalArgumentException(spec.name() + ": weights must pair with values");
        }
    }

    /** Points per pod. */
    public int points() {
        return baseline[0].length;
    }

    /** The metric's input with the first {@code points} points of every pod (the cumulative window). */
    public MetricInput upTo(int points) {
        if (points < 1 || points > points()) {
            throw new IllegalArgumentException("a window of " + points + " points of " + points() + " per pod");
        }
        MetricSamples samples = new MetricSamples(concat(baseline, points), concat(canary, points),
                baselineWeights == null ? null : concat(baselineWeights, points),
                canaryWeights == null ? null : concat(canaryWeights, points));
        return new MetricInput(spec, samples);
    }

    private static double[] concat(double[][] pods, int points) {
        double[] result = new double[pods.length * points];
        for (int pod = 0; pod < pods.length; pod++) {
            System.arraycopy(pods[pod], 0, result, pod * points, points);
        }
        return result;
    }

    private static int requireRectangular(double[][] a, double[][] b) {
        Objects.requireNonNull(a, "values");
        Objects.requireNonNull(b, "values");
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("each side needs at least one pod");
        }
        int points = a[0].length;
        for (double[][] side : new double[][][] {a, b}) {
            for (double[] pod : side) {
                if (pod.length != points || points == 0) {
                    throw new IllegalArgumentException("every pod needs the same, positive number of points");
                }
            }
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSeries m && spec.equals(m.spec) && Arrays.deepEquals(baseline, m.baseline)
                && Arrays.deepEquals(canary, m.canary) && Arrays.deepEquals(baselineWeights, m.baselineWeights)
                && Arrays.deepEquals(canaryWeights, m.canaryWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, Arrays.deepHashCode(baseline), Arrays.deepHashCode(canary),
                Arrays.deepHashCode(baselineWeights), Arrays.deepHashCode(canaryWeights));
    }

    @Override
    public String toString() {
        return "MetricSeries[" + spec.name() + ", " + baseline.length + "/" + canary.length + " pods x " + points()
                + " points]";
    }
}
