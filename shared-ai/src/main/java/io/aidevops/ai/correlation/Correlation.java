package io.aidevops.ai.correlation;

import java.util.Locale;

/**
 * A series found related to the anomalous one.
 *
 * @param name the other series
 * @param correlation Pearson's r of the two series' step-to-step changes at the best lag, in [-1, 1]; negative
 *        when one rises as the other falls
 * @param lag steps by which the other series leads: positive when the other moves first (its change at t - lag
 *        goes with the anomalous one's at t), negative when it follows
 * @param leader which series moves first
 * @param points pairs of changes the correlation rests on (gaps and the lag's overhang left out)
 * @param pValue two-sided p-value of r at this lag, multiplied by the number of series and lags tried (Bonferroni;
 *        at most 1)
 * @param spearman Spearman's rank correlation of the same pairs, which a single shared spike cannot make large: a
 *        high r with a low rank correlation means one joint jump rather than moving together throughout
 */
public record Correlation(String name, double correlation, int lag, Leader leader, int points, double pValue,
        double spearman) {

    /** A sentence for people, e.g. "cpu rises with it, 3 steps earlier (r 0.82 over 117 points)". */
    public String sentence() {
        String how = correlation >= 0 ? "rises with it" : "falls as it rises";
        String when;
        if (leader == Leader.OTHER) {
            when = ", " + lag + (lag == 1 ? " step" : " steps") + " earlier";
        } else if (leader == Leader.ANOMALOUS) {
            when = ", " + -lag + (lag == -1 ? " step" : " steps") + " later";
        } else {
            when = ", in the same step";
        }
        return String.format(Locale.ROOT, "%s %s%s (r %.2f over %d points)", name, how, when, correlation, points);
    }
}
