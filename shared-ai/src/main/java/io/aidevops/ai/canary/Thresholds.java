package io.aidevops.ai.canary;

/**
 * Score thresholds of a judgment (0 to 100).
 *
 * @param pass a score at or above this passes
 * @param marginal a score at or above this (and below pass) is marginal; below it fails
 */
public record Thresholds(double pass, double marginal) {

    /** The conventional Spinnaker values: pass 95, marginal 75. */
    public static final Thresholds DEFAULT = new Thresholds(95, 75);

    /**
     * @throws IllegalArgumentException unless 0 &lt;= marginal &lt;= pass &lt;= 100
     */
    public Thresholds {
        if (!(marginal >= 0 && marginal <= pass && pass <= 100)) {
            throw new IllegalArgumentException("thresholds need 0 <= marginal <= pass <= 100, but pass is " + pass
                    + " and marginal is " + marginal);
        }
    }

    /** The verdict for {@code score}. */
    public Verdict verdictFor(double score) {
        if (score >= pass) {
            return Verdict.PASS;
        }
        return score >= marginal ? Verdict.MARGINAL : Verdict.FAIL;
    }
}
