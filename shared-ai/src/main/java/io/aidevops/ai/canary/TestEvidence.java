package io.aidevops.ai.canary;

/**
 * One statistical test behind a metric's classification: what was tested, the numbers, and whether it decided.
 *
 * @param test the test's name, for example {@code mann-whitney} or {@code poisson-rate}
 * @param question what the test asks, in words ("canary latency higher than baseline?")
 * @param statistic the test statistic; for the suite's own judge a z score oriented so that larger means more
 *        evidence of harm
 * @param pValue its p-value (NaN where a test has none)
 * @param alpha the significance level it was held to at this look
 * @param estimate the effect estimate (ratio or difference, see {@code effectMeasure})
 * @param lower lower bound of the estimate's interval (NaN if none)
 * @param upper upper bound of the estimate's interval (NaN if none)
 * @param effectMeasure what {@code estimate} is, for example {@code median ratio}
 * @param tolerance the effect that must be exceeded to matter
 * @param significant whether the p-value is below alpha
 * @param relevant whether the effect exceeds the tolerance
 * @param higherIsWorse whether the harmful side of the tolerance is above it (an increase test) or below it
 */
public record TestEvidence(String test, String question, double statistic, double pValue, double alpha,
        double estimate, double lower, double upper, String effectMeasure, double tolerance, boolean significant,
        boolean relevant, boolean higherIsWorse) {

    /** Whether this test alone flags the metric: significant and relevant. */
    public boolean flags() {
        return significant && relevant;
    }
}
