package io.aidevops.deploy.rollout;

import java.time.Instant;
import java.util.List;

/**
 * The evidence of one analysis look, as stored with the rollout: every metric with its numbers, the judge's verdict
 * and what the engine decided.
 *
 * @param look 1-based look number over the whole plan
 * @param of the plan's number of looks
 * @param at when the look was taken
 * @param windowStart start of the data window (the window ends at {@code at})
 * @param judge the judge's name
 * @param verdict PASS, MARGINAL or FAIL
 * @param score 0 to 100
 * @param decision CONTINUE, PROMOTE or ROLLBACK
 * @param reason why the engine decided so
 * @param forecast the rollback forecast, in words ({@code ""} when none was made)
 * @param failureProbability the forecast probability of failing the final look
 * @param metrics each metric's evidence
 * @param warnings the judge's warnings
 */
public record LookRecord(int look, int of, Instant at, Instant windowStart, String judge, String verdict,
        double score, String decision, String reason, String forecast, double failureProbability,
        List<MetricLine> metrics, List<String> warnings) {

    /** Copies the lists. */
    public LookRecord {
        metrics = List.copyOf(metrics);
        warnings = List.copyOf(warnings);
    }

    /**
     * One metric at one look.
     *
     * @param name the metric
     * @param kind what it measures
     * @param classification PASS, HIGH, LOW or NODATA
     * @param reason the judge's sentence
     * @param source where the data came from (the query sent, or why there was none)
     * @param baselineCount points on the baseline
     * @param baselineMean the baseline's mean
     * @param baselineP95 the baseline's 95th percentile
     * @param canaryCount points on the canary
     * @param canaryMean the canary's mean
     * @param canaryP95 the canary's 95th percentile
     * @param tests each test: name, statistic, p-value, alpha, effect, tolerance and outcome
     */
    public record MetricLine(String name, String kind, String classification, String reason, String source,
            int baselineCount, double baselineMean, double baselineP95, int canaryCount, double canaryMean,
            double canaryP95, List<TestLine> tests) {

        /** Copies the list. */
        public MetricLine {
            tests = List.copyOf(tests);
        }
    }

    /**
     * One statistical test.
     *
     * @param test its name
     * @param question what it asked
     * @param statistic the z statistic
     * @param pValue the p-value
     * @param alpha the level it was held to
     * @param effectMeasure what the estimate is
     * @param estimate the effect estimate
     * @param tolerance the effect that had to be exceeded
     * @param flagged whether this test flagged the metric
     */
    public record TestLine(String test, String question, double statistic, double pValue, double alpha,
            String effectMeasure, double estimate, double tolerance, boolean flagged) {
    }
}
