package io.aidevops.controller.canary;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.MetricResult;
import io.aidevops.ai.canary.SeriesSummary;
import io.aidevops.ai.canary.TestEvidence;

/**
 * The JSON form of a verdict that the CLI's {@code judge} and the REST API's {@code /api/v1/judge} print: the
 * verdict, the score and each metric's classification with the reason, then the evidence. Numbers that do not exist
 * (a mean of nothing, an interval a test has none of) are left out rather than written as NaN.
 *
 * @param verdict PASS, MARGINAL or FAIL
 * @param score 0 to 100
 * @param reason why
 * @param judge which judge decided
 * @param metrics each metric
 * @param warnings what the user should know
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerdictView(String verdict, double score, String reason, String judge, List<Metric> metrics,
        List<String> warnings) {

    /**
     * One metric.
     *
     * @param name the metric
     * @param classification PASS, HIGH, LOW or NODATA
     * @param reason why
     * @param critical whether it was critical
     * @param muted whether it was muted
     * @param baseline the baseline's summary
     * @param canary the canary's summary
     * @param tests the tests that were run
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metric(String name, String classification, String reason, boolean critical, boolean muted,
            Summary baseline, Summary canary, List<Test> tests) {
    }

    /**
     * Descriptive statistics of one side.
     *
     * @param count points
     * @param mean mean
     * @param median median
     * @param p95 95th percentile
     * @param min smallest
     * @param max largest
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(int count, Double mean, Double median, Double p95, Double min, Double max) {
    }

    /**
     * One test.
     *
     * @param test its name
     * @param question what it asked
     * @param statistic z statistic
     * @param pValue p-value
     * @param alpha level it was held to
     * @param effectMeasure what the estimate is
     * @param estimate effect estimate
     * @param lower lower bound of its interval
     * @param upper upper bound of its interval
     * @param tolerance the effect that must be exceeded
     * @param significant p below alpha
     * @param relevant effect beyond tolerance
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(String test, String question, Double statistic, Double pValue, Double alpha,
            String effectMeasure, Double estimate, Double lower, Double upper, Double tolerance, boolean significant,
            boolean relevant) {
    }

    /** The view of {@code verdict}. */
    public static VerdictView of(CanaryVerdict verdict) {
        return new VerdictView(verdict.verdict().name(), verdict.score(), verdict.reason(), verdict.judge(),
                verdict.metrics().stream().map(VerdictView::metric).toList(), verdict.warnings());
    }

    private static Metric metric(MetricResult result) {
        return new Metric(result.name(), result.classification().name(), result.reason(), result.spec().critical(),
                result.spec().muted(), summary(result.baseline()), summary(result.canary()),
                result.tests().stream().map(VerdictView::test).toList());
    }

    private static Summary summary(SeriesSummary s) {
        return new Summary(s.count(), finite(s.mean()), finite(s.median()), finite(s.p95()), finite(s.min()),
                finite(s.max()));
    }

    private static Test test(TestEvidence t) {
        return new Test(t.test(), t.question(), finite(t.statistic()), finite(t.pValue()), finite(t.alpha()),
                t.effectMeasure(), finite(t.estimate()), finite(t.lower()), finite(t.upper()), finite(t.tolerance()),
                t.significant(), t.relevant());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
