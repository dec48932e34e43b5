package io.aidevops.ai.canary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.aidevops.ai.stats.Normal;
import io.aidevops.ai.stats.RankSum;
import io.aidevops.ai.stats.RateComparison;
import io.aidevops.ai.stats.ShiftInterval;
import io.aidevops.ai.stats.WelchTest;

/**
 * The suite's canary judge. Where Kayenta asks one question of every metric (does a 98 % interval of the shift lie
 * beyond a quarter of its own estimate?), this judge asks the question that fits the metric and holds every answer to
 * both a significance level and a tolerance:
 * <ul>
 *   <li>error rates with request counts: the exact conditional test of two Poisson rates, so a zero baseline and
 *       sparse errors are judged by counting, not by ranking ties; without counts, a tie-corrected rank-sum test;</li>
 *   <li>latencies: a rank-sum location test with a Hodges-Lehmann interval, a tail test (is more than a tenth of
 *       the canary above the baseline's 90th percentile raised by the tolerance?) and a spread test (a rank-sum test
 *       of the distances from the median, the canary's shrunk by the spread tolerance; relevance on the quartile
 *       spread of the harmful side), so tail-only and variance-only regressions are seen;</li>
 *   <li>resources and gauges: location and spread; throughput: location.</li>
 * </ul>
 * A test flags a metric only if its p-value is below its share of the false-positive budget <em>and</em> the effect
 * exceeds the metric's tolerance. The location, tail and spread tests test against the tolerance itself ("higher by
 * more than 10 %?"), not against no change: a canary's pods differ from the baseline's and drift together, so on tens
 * of points a change just under the tolerance is "significant" and its estimate crosses the tolerance half of the
 * time; this keeps such releases (the evaluation corpus in {@code canary.evaluation} measures it). Count tests of
 * error rates keep the plain question, as requests are independent. The budget of a rollout ({@link AlphaSpending})
 * is spread over its looks, then equally over the metrics, then over each metric's tests (Bonferroni), so judging
 * every minute does not make
 * rolling back a good release more likely. Fewer points than {@link MetricSpec#minSamples()} on a side is NODATA.
 */
public final class AdaptiveJudge implements CanaryJudge {

    /** Points per side below which the evidence table warns that power is low (Kayenta's best-practice figure). */
    public static final int RECOMMENDED_POINTS = 50;

    /** How many times the budget of another metric an error rate gets. */
    static final double ERROR_RATE_SHARE = 3;

    /** Ratio of spreads (quartile spread on the harmful side) that a spread change must exceed to matter. */
    public static final double SPREAD_TOLERANCE = 1.5;

    /** Multiple of the tolerance beyond which a location change needs only plain significance. */
    static final double LARGE_EFFECT = 5;

    /** The baseline percentile whose exceedances the tail test counts. */
    static final double TAIL_PERCENTILE = 0.90;

    private final AlphaSpending spending;

    /** The judge with the {@link AlphaSpending#DEFAULT default} budget. */
    public AdaptiveJudge() {
        this(AlphaSpending.DEFAULT);
    }

    /** @param spending the false-positive budget per rollout and its spread over the looks */
    public AdaptiveJudge(AlphaSpending spending) {
        this.spending = spending;
    }

    @Override
    public String name() {
        return "aidevops";
    }

    /** The budget this judge spends. */
    public AlphaSpending spending() {
        return spending;
    }

    @Override
    public CanaryVerdict judge(JudgeRequest request) {
        // A weighted Bonferroni split keeps the rollout's budget while giving error rates a larger share: errors are
        // rare events whose tests are limited by counts, not by noise, and a release that fails requests is the one
        // a user most wants stopped.
        double shares = 0;
        for (MetricInput input : request.metrics()) {
            shares += share(input.spec());
        }
        double alphaPerShare = spending.at(request.look()) / shares;
        var results = new ArrayList<MetricResult>();
        var warnings = new ArrayList<String>();
        for (MetricInput input : request.metrics()) {
            MetricResult result = classify(input, alphaPerShare * share(input.spec()));
            results.add(result);
            int fewest = Math.min(result.baseline().count(), result.canary().count());
            if (result.classification() != Classification.NODATA && fewest < RECOMMENDED_POINTS) {
                warnings.add(input.spec().name() + " has only " + fewest + " points on one side; "
                        + RECOMMENDED_POINTS + " or more per side give the tests their power");
            }
        }
        return CanaryScorer.score(name(), request, results, request.look().isFinal(), warnings);
    }

    /** Error rates are shares of requests: a percent (1.0 for 1 %) or a negative value would be misjudged. */
    private static void requireShares(MetricSpec spec, String side, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 1) {
                throw new IllegalArgumentException("metric " + spec.name() + ": " + side + "[" + i + "] is "
                        + values[i] + "; an error rate is a share of requests from 0 to 1 (0.01 for 1 %)");
            }
        }
    }

    /** A metric's share of the false-positive budget, relative to the others. */
    static double share(MetricSpec spec) {
        return spec.kind() == MetricKind.ERROR_RATE ? ERROR_RATE_SHARE : 1;
    }

    /**
     * Classifies one metric with its share of the budget.
     *
     * @param input the metric
     * @param alpha the metric's false-positive budget at this look
     */
    MetricResult classify(MetricInput input, double alpha) {
        MetricSpec spec = input.spec();
        MetricSamples samples = input.samples();
        double[] baseline = samples.baselinePresent();
        double[] canary = samples.canaryPresent();
        Arrays.sort(baseline);
        Arrays.sort(canary);
        SeriesSummary baselineSummary = SeriesSummary.ofSorted(baseline);
        SeriesSummary canarySummary = SeriesSummary.ofSorted(canary);
        if (baseline.length < spec.minSamples() || canary.length < spec.minSamples()) {
            return new MetricResult(spec, Classification.NODATA, "baseline has " + baseline.length
                    + " points and canary " + canary.length + "; at least " + spec.minSamples() + " per side are"
                    + " needed", List.of(), baselineSummary, canarySummary);
        }
        List<TestEvidence> tests;
        if (spec.kind() == MetricKind.ERROR_RATE) {
            requireShares(spec, "baseline", samples.baseline());
            requireShares(spec, "canary", samples.canary());
        }
        if (spec.kind() == MetricKind.ERROR_RATE && samples.weighted()) {
            double[] base = exposure(samples.baseline(), samples.baselineWeights());
            double[] can = exposure(samples.canary(), samples.canaryWeights());
            if (base[1] <= 0 || can[1] <= 0) {
                return new MetricResult(spec, Classification.NODATA, "no requests on the "
                        + (base[1] <= 0 ? "baseline" : "canary") + " in this window", List.of(), baselineSummary,
                        canarySummary);
            }
            tests = rateTests(spec, RateComparison.of(base[0], base[1], can[0], can[1]), alpha);
        } else {
            tests = distributionTests(spec, canary, baseline, alpha);
        }
        return decide(spec, tests, baselineSummary, canarySummary);
    }

    private static MetricResult decide(MetricSpec spec, List<TestEvidence> tests, SeriesSummary baseline,
            SeriesSummary canary) {
        for (boolean higher : new boolean[] {true, false}) {
            for (TestEvidence test : tests) {
                if (test.higherIsWorse() == higher && test.flags()) {
                    return new MetricResult(spec, higher ? Classification.HIGH : Classification.LOW,
                            describe(test), tests, baseline, canary);
                }
            }
        }
        TestEvidence closest = tests.stream().min((a, b) -> Double.compare(a.pValue(), b.pValue())).orElseThrow();
        return new MetricResult(spec, Classification.PASS, "no test flags it; closest: " + describe(closest), tests,
                baseline, canary);
    }

    private static List<TestEvidence> rateTests(MetricSpec spec, RateComparison rates, double alpha) {
        var tests = new ArrayList<TestEvidence>();
        int count = spec.direction() == Direction.EITHER ? 2 : 1;
        double testAlpha = alpha / count;
        double z = Normal.criticalValue(testAlpha);
        double se = rates.standardError();
        double diff = rates.difference();
        String counts = String.format("%.0f of %.0f vs %.0f of %.0f requests", rates.canaryEvents(),
                rates.canaryExposure(), rates.baselineEvents(), rates.baselineExposure());
        if (spec.direction().watchesIncrease()) {
            tests.add(new TestEvidence("poisson-rate", "canary error rate higher? " + counts,
                    Normal.zOfUpperTail(rates.pHigher()), rates.pHigher(), testAlpha, diff, diff - z * se,
                    diff + z * se, "rate difference", spec.allowedIncrease(), rates.pHigher() < testAlpha,
                    diff > spec.allowedIncrease(), true));
        }
        if (spec.direction().watchesDecrease()) {
            tests.add(new TestEvidence("poisson-rate", "canary error rate lower? " + counts,
                    Normal.zOfUpperTail(rates.pLower()), rates.pLower(), testAlpha, diff, diff - z * se,
                    diff + z * se, "rate difference", spec.allowedDecrease(), rates.pLower() < testAlpha,
                    diff < spec.allowedDecrease(), false));
        }
        return tests;
    }

    private static List<TestEvidence> distributionTests(MetricSpec spec, double[] canary, double[] baseline,
            double alpha) {
        boolean rate = spec.kind() == MetricKind.ERROR_RATE;
        boolean tail = spec.kind() == MetricKind.LATENCY && spec.direction().watchesIncrease();
        boolean spread = spec.direction().watchesIncrease() && (spec.kind() == MetricKind.LATENCY
                || spec.kind() == MetricKind.RESOURCE || spec.kind() == MetricKind.GAUGE);
        int locations = spec.direction() == Direction.EITHER ? 2 : 1;
        double testAlpha = alpha / (locations + (tail ? 1 : 0) + (spread ? 1 : 0));
        RankSum ranks = RankSum.of(canary, baseline);
        var tests = new ArrayList<TestEvidence>();
        if (rate) {
            addMeanDifference(tests, spec, canary, baseline, ranks, testAlpha);
        } else {
            addLocation(tests, spec, canary, baseline, ranks, testAlpha);
        }
        if (tail) {
            tests.add(tailTest(spec, canary, baseline, testAlpha));
        }
        if (spread) {
            tests.add(spreadTest(spec, canary, baseline, testAlpha));
        }
        return tests;
    }

    private static void addLocation(List<TestEvidence> tests, MetricSpec spec, double[] canary, double[] baseline,
            RankSum ranks, double alpha) {
        ShiftInterval shift = ShiftInterval.of(canary, baseline, ranks.sigma(), 1 - 2 * alpha);
        double scale = scaleOf(baseline);
        double ratio = scale > 0 ? 1 + shift.estimate() / scale : Double.NaN;
        double lower = scale > 0 ? 1 + shift.lower() / scale : Double.NaN;
        double upper = scale > 0 ? 1 + shift.upper() / scale : Double.NaN;
        // Each direction asks whether the canary differs by more than the tolerance, not whether it differs at all:
        // the rank-sum test of the canary moved back by the tolerated shift. Pods differ and drift together, so on
        // 60 points a shift just under the tolerance is "significant" and its estimate crosses the tolerance half of
        // the time; requiring the evidence to clear the tolerance keeps such releases.
        // An effect beyond five times the tolerance needs only plain significance: asking whether it exceeds the
        // tolerance adds nothing, and on few, heavily tied points (a canary at 100 where the baseline is 1, but 1 now
        // and then) that question cannot be answered although the regression is plain. Five times, because a fresh
        // pod's warm-up alone can show twice the tolerance at the first look.
        if (spec.direction().watchesIncrease()) {
            double tolerated = scale > 0 ? (spec.allowedIncrease() - 1) * scale : 0;
            boolean large = scale > 0 && ratio - 1 > LARGE_EFFECT * (spec.allowedIncrease() - 1);
            double z = tolerated > 0 && !large ? RankSum.of(minus(canary, tolerated), baseline).z() : ranks.z();
            double p = Normal.upperTail(z);
            boolean relevant = scale > 0 ? ratio > spec.allowedIncrease() : shift.estimate() > 0;
            tests.add(new TestEvidence("rank-sum", "canary typically higher by more than the tolerance?", z, p,
                    alpha, ratio, lower, upper, "median ratio", spec.allowedIncrease(), p < alpha, relevant, true));
        }
        if (spec.direction().watchesDecrease()) {
            double tolerated = scale > 0 ? (1 - spec.allowedDecrease()) * scale : 0;
            boolean large = scale > 0 && 1 - ratio > LARGE_EFFECT * (1 - spec.allowedDecrease());
            double z = tolerated > 0 && !large ? -RankSum.of(minus(canary, -tolerated), baseline).z() : -ranks.z();
            double p = Normal.upperTail(z);
            boolean relevant = scale > 0 ? ratio < spec.allowedDecrease() : shift.estimate() < 0;
            tests.add(new TestEvidence("rank-sum", "canary typically lower by more than the tolerance?", z, p,
                    alpha, ratio, lower, upper, "median ratio", spec.allowedDecrease(), p < alpha, relevant, false));
        }
    }

    /** Sorted values less {@code amount} (still sorted). */
    private static double[] minus(double[] sorted, double amount) {
        double[] result = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            result[i] = sorted[i] - amount;
        }
        return result;
    }

    private static void addMeanDifference(List<TestEvidence> tests, MetricSpec spec, double[] canary,
            double[] baseline, RankSum ranks, double alpha) {
        // Shares per scrape without request counts: ranks see a zero baseline against sparse errors correctly
        // (ties get their corrected variance); the tolerance applies to the difference of the mean shares.
        double diff = mean(canary) - mean(baseline);
        double se = Math.sqrt(variance(canary) / canary.length + variance(baseline) / baseline.length);
        double z = Normal.criticalValue(alpha);
        if (spec.direction().watchesIncrease()) {
            double p = Normal.upperTail(ranks.z());
            tests.add(new TestEvidence("rank-sum", "canary error share higher?", ranks.z(), p, alpha, diff,
                    diff - z * se, diff + z * se, "mean share difference", spec.allowedIncrease(), p < alpha,
                    diff > spec.allowedIncrease(), true));
        }
        if (spec.direction().watchesDecrease()) {
            double p = Normal.upperTail(-ranks.z());
            tests.add(new TestEvidence("rank-sum", "canary error share lower?", -ranks.z(), p, alpha, diff,
                    diff - z * se, diff + z * se, "mean share difference", spec.allowedDecrease(), p < alpha,
                    diff < spec.allowedDecrease(), false));
        }
    }

    private static TestEvidence tailTest(MetricSpec spec, double[] canary, double[] baseline, double alpha) {
        // Does more than a tenth of the canary lie beyond the baseline's p90 raised by the tolerance? A canary that
        // is the tolerance slower throughout has a tenth there, so the test asks whether the tail grew by more than
        // the tolerance, as the location test does. The baseline's p90 is itself estimated: its sampling variance
        // (a share of 1/n_b) joins the canary's, so few baseline points do not make the test overconfident.
        double p90 = SeriesSummary.quantileOfSorted(baseline, TAIL_PERCENTILE);
        double threshold = p90 + (spec.allowedIncrease() - 1) * Math.abs(p90);
        int canaryAbove = canary.length - upperBound(canary, threshold);
        double share = 1 - TAIL_PERCENTILE;
        double z = ((double) canaryAbove / canary.length - share)
                / Math.sqrt(share * (1 - share) * (1.0 / canary.length + 1.0 / baseline.length));
        double p = Normal.upperTail(z);
        double base95 = SeriesSummary.quantileOfSorted(baseline, 0.95);
        double ratio = base95 > 0 ? SeriesSummary.quantileOfSorted(canary, 0.95) / base95 : Double.NaN;
        boolean relevant = base95 > 0 ? ratio > spec.allowedIncrease()
                : SeriesSummary.quantileOfSorted(canary, 0.95) > base95;
        // Concatenation, not String.format: this runs for every latency metric of every look.
        return new TestEvidence("tail-exceedance", "more than " + Math.round(100 * share) + " % of the canary above"
                + " the baseline's p90 plus tolerance (" + fmt(threshold) + ")? " + canaryAbove + " of "
                + canary.length, z, p, alpha, ratio, Double.NaN, Double.NaN, "p95 ratio", spec.allowedIncrease(),
                p < alpha, relevant, true);
    }

    private static TestEvidence spreadTest(MetricSpec spec, double[] canary, double[] baseline, double alpha) {
        // Significance: a rank-sum test of the distances from each side's median, the canary's shrunk by the
        // tolerance, so it asks whether the spread grew by more than the tolerance (like the location interval).
        // Ranks keep the few spikes and warm-up points from swamping the comparison, as they swamp a comparison of
        // mean distances.
        double[] canaryDeviations = sortedAbsoluteDeviations(canary, SPREAD_TOLERANCE);
        double[] baselineDeviations = sortedAbsoluteDeviations(baseline, 1);
        RankSum ranks = RankSum.of(canaryDeviations, baselineDeviations);
        double p = Normal.upperTail(ranks.z());
        // Relevance: when only increases hurt, only the spread above the median counts (a fresh pod's memory that
        // fills up from below is more spread out, not worse); quartiles, so a few warm-up points cannot move it.
        boolean upperOnly = !spec.direction().watchesDecrease();
        double canarySpread = quartileSpread(canary, upperOnly);
        // A spread below half the location tolerance (of the level) keeps the values within the tolerance of the
        // median, so it is harmless however much it grows. Without this floor a metric that hardly wobbles within
        // a pod, such as memory, compares the gaps between each side's pods, not their spreads.
        double floor = (spec.allowedIncrease() - 1) * Math.abs(SeriesSummary.quantileOfSorted(baseline, 0.5))
                * (upperOnly ? 0.5 : 1);
        double baselineSpread = Math.max(quartileSpread(baseline, upperOnly), floor);
        double ratio = baselineSpread > 0 ? canarySpread / baselineSpread
                : canarySpread > 0 ? Double.POSITIVE_INFINITY : 1;
        return new TestEvidence("spread-rank", "canary more spread out" + (upperOnly ? " above its median?" : "?"),
                ranks.z(), p, alpha, ratio, Double.NaN, Double.NaN, upperOnly ? "upper quartile spread ratio"
                : "interquartile spread ratio", SPREAD_TOLERANCE, p < alpha, ratio > SPREAD_TOLERANCE, true);
    }

    /** The scale a shift is compared with: the baseline's median, or its mean magnitude when the median is 0. */
    private static double scaleOf(double[] sortedBaseline) {
        double median = Math.abs(SeriesSummary.quantileOfSorted(sortedBaseline, 0.5));
        if (median > 0) {
            return median;
        }
        double sum = 0;
        for (double v : sortedBaseline) {
            sum += Math.abs(v);
        }
        return sum / sortedBaseline.length;
    }

    /**
     * The distances of sorted values from their median divided by {@code divisor}, sorted: the values below the
     * median, read backwards, and those above it, read forwards, are both ascending in distance, so one merge
     * replaces a sort.
     */
    private static double[] sortedAbsoluteDeviations(double[] sorted, double divisor) {
        double median = SeriesSummary.quantileOfSorted(sorted, 0.5);
        int split = 0;
        while (split < sorted.length && sorted[split] < median) {
            split++;
        }
        double[] result = new double[sorted.length];
        int below = split - 1;
        int above = split;
        for (int i = 0; i < result.length; i++) {
            double down = below >= 0 ? median - sorted[below] : Double.POSITIVE_INFINITY;
            double up = above < sorted.length ? sorted[above] - median : Double.POSITIVE_INFINITY;
            if (down <= up) {
                result[i] = down / divisor;
                below--;
            } else {
                result[i] = up / divisor;
                above++;
            }
        }
        return result;
    }

    /** Third quartile minus median ({@code upperOnly}), or third minus first quartile. */
    private static double quartileSpread(double[] sorted, boolean upperOnly) {
        double upper = SeriesSummary.quantileOfSorted(sorted, 0.75);
        return upper - SeriesSummary.quantileOfSorted(sorted, upperOnly ? 0.5 : 0.25);
    }

    /** Errors and requests of one side: the sum of share x requests, and the sum of requests, over present values. */
    private static double[] exposure(double[] shares, double[] requests) {
        double events = 0;
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            if (!Double.isNaN(shares[i])) {
                events += shares[i] * requests[i];
                total += requests[i];
            }
        }
        return new double[] {events, total};
    }

    /** Index of the first value greater than {@code value} in ascending {@code sorted}. */
    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    private static String describe(TestEvidence test) {
        String effect = test.effectMeasure().contains("ratio")
                ? String.format("%s %s (tolerance %s)", test.effectMeasure(), fmt(test.estimate()),
                        fmt(test.tolerance()))
                : String.format("%s %+.4f (tolerance %+.4f)", test.effectMeasure(), test.estimate(),
                        test.tolerance());
        return String.format("%s: %s z %.2f, p %.2g vs alpha %.2g; %s%s", test.test(), test.question(),
                test.statistic(), test.pValue(), test.alpha(), effect,
                test.flags() ? "" : test.significant() ? ", within tolerance" : ", not significant");
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.3g", value);
    }
}
