package io.aidevops.ai.canary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.StatUtils;

/**
 * A re-implementation of Kayenta's {@code NetflixACAJudge} with its Mann-Whitney classifier: our comparison
 * baseline ("Kayenta-equivalent") and a method users may choose. It keeps Kayenta's behaviour on purpose, weak spots
 * included: heavily tied data can pass although the canary is clearly worse, sparse errors against an all-zero
 * baseline pass, and a pure increase of spread goes unseen.
 *
 * <p>Per metric: NaN values are removed (or replaced by 0), outliers optionally removed with Kayenta's
 * reduced-sensitivity IQR fences ({@code [min(P1, Q1 - k IQR), max(P99, Q3 + k IQR)]}). A side without data is
 * {@link Classification#NODATA}; identical data and data of one single value pass. If each side is constant,
 * Gaussian noise with a standard deviation of 10<sup>-5</sup> x the value breaks the ties; unlike Kayenta's, the noise
 * is seeded by the metric's name, so a judgment can be repeated. Then the 98 % Mann-Whitney confidence interval of
 * the shift canary - baseline and its Hodges-Lehmann-style estimate are computed (R's asymptotic
 * {@code wilcox.test} interval, as Kayenta computes it); the metric is HIGH if the interval lies above 0.25 x
 * |estimate| and the mean ratio canary / baseline reaches the allowed increase, LOW in the mirror case, else PASS.
 * The ratio check is skipped when a mean is 0, as in Kayenta.
 *
 * <p>Each judged metric carries two pieces of evidence: {@code mann-whitney (kayenta)} with the interval, the
 * estimate, the bound 0.25 x |estimate| as tolerance, z and a two-sided p-value at no shift (for the report only:
 * Kayenta decides on the interval); and {@code mean ratio (kayenta effect size)} with the ratio and the allowed
 * effect. Both flag exactly when the metric is HIGH or LOW.
 *
 * <p>Mapping of our spec to Kayenta's metric configuration: direction as is; {@code allowedIncrease} and
 * {@code allowedDecrease} are Kayenta's effect-size thresholds, except for {@link MetricKind#ERROR_RATE}, whose
 * tolerances are absolute differences and which therefore gets Kayenta's default 1.0; Kayenta's critical thresholds
 * keep their default 1.0, so every HIGH or LOW of a critical metric is critical. {@code minSamples} and request counts
 * are ignored: Kayenta has neither. {@code NodataFailMetric} is NODATA of a metric that must have data, and Kayenta's
 * {@code Error} is NODATA whose reason carries the error. The score is {@link CanaryScorer}'s with strict no-data
 * handling, which is Kayenta's weighted sum. Every look is judged alike: Kayenta has no false-positive budget.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KayentaJudge implements CanaryJudge {

    /** The judge's name in verdicts and reports. */
    public static final String NAME = "kayenta";

    /** Kayenta's hard-coded tolerance: the interval must clear this share of the shift's own estimate. */
    public static final double TOLERANCE = 0.25;

    /** Kayenta's hard-coded confidence level of the interval. */
    public static final double CONFIDENCE_LEVEL = 0.98;

    /** Kayenta's default outlier factor {@code k} of the IQR fences. */
    public static final double DEFAULT_OUTLIER_FACTOR = 3.0;

    /** Kayenta warns when a baseline series has fewer points than this. */
    public static final int RECOMMENDED_POINTS = 50;

    /** Standard deviation of the tie-breaking noise, relative to the constant value. */
    public static final double NOISE_SCALE = 1e-5;

    /** What to do with missing (NaN) values; Kayenta's {@code nanStrategy}. */
    public enum NanStrategy {
        /** Drop them (Kayenta's default). A side left without values is NODATA. */
        REMOVE,
        /** Treat them as 0, for counters that report nothing when nothing happened. A side without values passes. */
        REPLACE
    }

    /** Whether to drop outliers before judging; Kayenta's {@code outliers.strategy}. */
    public enum OutlierStrategy {
        /** Keep every value (Kayenta's default). */
        KEEP,
        /** Drop values outside the reduced-sensitivity IQR fences, each side separately. */
        REMOVE
    }

    private final NanStrategy nanStrategy;
    private final OutlierStrategy outlierStrategy;
    private final double outlierFactor;

    /** Kayenta's defaults: NaN removed, outliers kept. */
    public KayentaJudge() {
        this(NanStrategy.REMOVE, OutlierStrategy.KEEP, DEFAULT_OUTLIER_FACTOR);
    }

    /**
     * The given strategies with the default outlier factor {@value #DEFAULT_OUTLIER_FACTOR}.
     *
     * @param nanStrategy what to do with missing values
     * @param outlierStrategy whether to drop outliers
     */
    public KayentaJudge(NanStrategy nanStrategy, OutlierStrategy outlierStrategy) {
        this(nanStrategy, outlierStrategy, DEFAULT_OUTLIER_FACTOR);
    }

    /**
     * The given strategies and outlier factor.
     *
     * @param nanStrategy what to do with missing values
     * @param outlierStrategy whether to drop outliers
     * @param outlierFactor the IQR multiple {@code k} of the fences, used when outliers are dropped
     * @throws IllegalArgumentException if the outlier factor is negative or not finite
     */
    public KayentaJudge(NanStrategy nanStrategy, OutlierStrategy outlierStrategy, double outlierFactor) {
        this.nanStrategy = Objects.requireNonNull(nanStrategy, "nanStrategy");
        this.outlierStrategy = Objects.requireNonNull(outlierStrategy, "outlierStrategy");
        if (!(outlierFactor >= 0) || Double.isInfinite(outlierFactor)) {
            throw new IllegalArgumentException("the outlier factor must be a finite number of at least 0, but is "
                    + outlierFactor);
        }
        this.outlierFactor = outlierFactor;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Classifies every metric like Kayenta and scores them with Kayenta's weighted sum. Never throws for data. */
    @Override
    public CanaryVerdict judge(JudgeRequest request) {
        List<MetricResult> results = new ArrayList<>();
        List<String> sparse = new ArrayList<>();
        for (MetricInput metric : request.metrics()) {
            MetricResult result = classify(metric);
            results.add(result);
            if (result.baseline().count() < RECOMMENDED_POINTS) {
                sparse.add(metric.spec().name() + " (" + result.baseline().count() + ")");
            }
        }
        List<String> warnings = sparse.isEmpty() ? List.of()
                : List.of("Kayenta recommends at least " + RECOMMENDED_POINTS
                        + " baseline points per metric; fewer for: " + String.join(", ", sparse));
        return CanaryScorer.score(NAME, request, results, true, warnings);
    }

    /**
     * Classifies one metric like Kayenta's Mann-Whitney classifier.
     *
     * @param metric the metric's spec and samples
     * @return the classification with its reason and evidence; the summaries describe the cleaned values (NaN and
     *         outliers handled, before any tie-breaking noise)
     */
    public MetricResult classify(MetricInput metric) {
        MetricSpec spec = metric.spec();
        double[] canary = clean(metric.samples().canary());
        double[] baseline = clean(metric.samples().baseline());
        SeriesSummary canarySummary = SeriesSummary.of(canary);
        SeriesSummary baselineSummary = SeriesSummary.of(baseline);
        try {
            Outcome outcome = compare(spec, canary, baseline);
            return new MetricResult(spec, outcome.classification, outcome.reason, outcome.tests, baselineSummary,
                    canarySummary);
        } catch (RuntimeException e) {
            // Kayenta's judge turns any failure of the classifier into its Error class and carries on.
            return new MetricResult(spec, Classification.NODATA, "Kayenta's classifier failed: "
                    + Objects.toString(e.getMessage(), e.getClass().getSimpleName()),
                    List.of(), baselineSummary, canarySummary);
        }
    }

    private double[] clean(double[] raw) {
        double[] values = nanStrategy == NanStrategy.REMOVE
                ? Arrays.stream(raw).filter(v -> !Double.isNaN(v)).toArray()
                : Arrays.stream(raw).map(v -> Double.isNaN(v) ? 0 : v).toArray();
        return outlierStrategy == OutlierStrategy.REMOVE ? IqrFences.removeOutliers(values, outlierFactor) : values;
    }

    private record Outcome(Classification classification, String reason, List<TestEvidence> tests) {
    }

    private Outcome compare(MetricSpec spec, double[] canary, double[] baseline) {
        if (canary.length == 0 || baseline.length == 0) {
            String missing = canary.length == 0 && baseline.length == 0 ? "no data on either side"
                    : canary.length == 0 ? "no canary data" : "no baseline data";
            if (nanStrategy == NanStrategy.REPLACE) {
                // Kayenta passes a metric without data when NaN values stand for zero.
                return new Outcome(Classification.PASS, missing + "; with NaN replaced by 0, Kayenta passes it",
                        List.of());
            }
            return new Outcome(Classification.NODATA, spec.mustHaveData()
                    ? missing + ", but the metric must have data" : missing, List.of());
        }
        if (sortedEqual(canary, baseline)) {
            return new Outcome(Classification.PASS, "canary and baseline values are identical", List.of());
        }
        double only = canary[0];
        if (allEqual(canary, only) && allEqual(baseline, only)) {
            return new Outcome(Classification.PASS, "every canary and baseline value is " + format(only),
                    List.of());
        }
        boolean noise = allEqual(canary, canary[0]) && allEqual(baseline, baseline[0]);
        double[] x = canary;
        double[] y = baseline;
        if (noise) {
            SplittableRandom random = new SplittableRandom(seed(spec.name()));
            x = withNoise(canary, random);
            y = withNoise(baseline, random);
        }
        RankSumInterval.Result interval = RankSumInterval.compute(x, y, CONFIDENCE_LEVEL);
        KayentaDecision decision = KayentaDecision.of(spec, interval, meanRatio(x, y));
        String reason = decision.reason();
        if (noise) {
            reason += "; both sides were constant, so noise of " + format(NOISE_SCALE) + " x the value broke the ties";
        }
        return new Outcome(decision.classification(), reason, decision.evidence());
    }

    /** Kayenta's mean ratio: NaN when either mean is 0. */
    private static double meanRatio(double[] canary, double[] baseline) {
        double canaryMean = StatUtils.mean(canary);
        double baselineMean = StatUtils.mean(baseline);
        return canaryMean == 0.0 || baselineMean == 0.0 ? Double.NaN : canaryMean / baselineMean;
    }

    private static boolean sortedEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        double[] left = a.clone();
        double[] right = b.clone();
        Arrays.sort(left);
        Arrays.sort(right);
        for (int i = 0; i < left.length; i++) {
            if (left[i] != right[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allEqual(double[] values, double value) {
        for (double v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    private static double[] withNoise(double[] values, SplittableRandom random) {
        double[] noisy = values.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += random.nextGaussian() * Math.abs(values[i]) * NOISE_SCALE;
        }
        return noisy;
    }

    /** FNV-1a over the name's characters: stable across runs and JVMs, and 64 bits where a hash code has 32. */
    static long seed(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Four significant digits, no exponent, no trailing zeros: short enough for a sentence. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
