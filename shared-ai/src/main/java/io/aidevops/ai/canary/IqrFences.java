package io.aidevops.ai.canary;

import java.util.Arrays;

/**
 * Kayenta's "reduced sensitivity" interquartile-range outlier fences: lower fence
 * {@code min(P1, Q1 - k IQR)}, upper fence {@code max(P99, Q3 + k IQR)}, percentiles by R's type 7. Taking the wider
 * of the two keeps at least the middle 98 % of the points, so heavy but genuine tails are not cut away.
 *
 * @param lower values below this are outliers
 * @param upper values above this are outliers
 */
record IqrFences(double lower, double upper) {

    /**
     * The fences of {@code values}.
     *
     * @param values at least one value, no NaN
     * @param factor the IQR multiple {@code k}, Kayenta's {@code outlierFactor}
     */
    static IqrFences of(double[] values, double factor) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = SeriesSummary.quantileOfSorted(sorted, 0.25);
        double q3 = SeriesSummary.quantileOfSorted(sorted, 0.75);
        double iqr = q3 - q1;
        return new IqrFences(Math.min(SeriesSummary.quantileOfSorted(sorted, 0.01), q1 - factor * iqr),
                Math.max(SeriesSummary.quantileOfSorted(sorted, 0.99), q3 + factor * iqr));
    }

    /** {@code values} without those outside the fences of {@code values} itself, in their order. */
    static double[] removeOutliers(double[] values, double factor) {
        if (values.length == 0) {
            return values;
        }
        IqrFences fences = of(values, factor);
        return Arrays.stream(values).filter(v -> v >= fences.lower && v <= fences.upper).toArray();
    }
}
