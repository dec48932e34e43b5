package io.aidevops.ai.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ranks the other series of a workload by how closely they move with an anomalous one, for triage: "what else
 * changed with it, and before or after it?".
 *
 * <p>Method: every series is turned into its step-to-step changes, because two series that merely both trend
 * (or both follow the daily cycle) are highly correlated in level and tell nothing about each other; changes
 * correlate only when the series move together. For each lag from -L to +L, Pearson's r of the paired changes
 * is computed over the steps where both are known (NaN marks a gap: a change next to a gap is unknown). The lag
 * with the largest |r| is kept and tested with Student's t on n - 2 degrees of freedom; its p-value is multiplied
 * by the number of series times lags tried (Bonferroni), so over a whole search noise is reported with at most the
 * settings' alpha. A series is reported when that corrected p-value is at most alpha, |r| reaches the settings'
 * minimum and the pairs reach the minimum overlap. A constant series has no changes to correlate and is left out.
 *
 * <p>Cost: O(series x lags x window); memory is the window's changes.
 */
public final class CorrelationRanker {

    private CorrelationRanker() {
    }

    /** {@link #rank(double[], Map, CorrelationSettings)} with {@link CorrelationSettings#defaults()}. */
    public static List<Correlation> rank(double[] anomalous, Map<String, double[]> others) {
        return rank(anomalous, others, CorrelationSettings.defaults());
    }

    /**
     * The related series, most related first.
     *
     * @param anomalous the anomalous series' recent window, oldest first; NaN for a missing sample
     * @param others the other series by name, sampled at the same times as {@code anomalous} (same length);
     *        leave the anomalous series itself out, or it is reported as perfectly related
     * @param settings lags, overlap and significance
     * @return the series that pass the significance cut, by descending |r| (then name); empty if none, or if the
     *         anomalous series is constant over the window
     * @throws IllegalArgumentException if a series' length differs from the anomalous one's
     */
    public static List<Correlation> rank(double[] anomalous, Map<String, double[]> others,
            CorrelationSettings settings) {
        for (Map.Entry<String, double[]> other : others.entrySet()) {
            if (other.getValue().length != anomalous.length) {
                throw new IllegalArgumentException("series '" + other.getKey() + "' has " + other.getValue().length
                        + " samples, the anomalous series " + anomalous.length + "; align them to the same times");
            }
        }
        List<Correlation> related = new ArrayList<>();
        double[] target = changes(anomalous);
        if (others.isEmpty() || constant(target)) {
            return related;
        }
        int lags = 2 * settings.maxLag() + 1;
        double tests = (double) lags * others.size();
        for (Map.Entry<String, double[]> other : others.entrySet()) {
            double[] candidate = changes(other.getValue());
            if (constant(candidate)) {
                continue;
            }
            Correlation best = null;
            for (int lag = -settings.maxLag(); lag <= settings.maxLag(); lag++) {
                Pairs pairs = pairs(target, candidate, lag);
                if (pairs.count < settings.minOverlap()) {
                    continue;
                }
                double r = pearson(pairs.x, pairs.y, pairs.count);
                if (Double.isNaN(r)) {
                    continue;
                }
                // A larger |r| wins; on a tie (to rounding) the shorter lag, the simpler explanation.
                if (best == null || Math.abs(r) > Math.abs(best.correlation()) + 1e-12
                        || Math.abs(r) >= Math.abs(best.correlation()) - 1e-12
                                && Math.abs(lag) < Math.abs(best.lag())) {
                    Leader leader = lag > 0 ? Leader.OTHER : lag < 0 ? Leader.ANOMALOUS : Leader.NEITHER;
                    double p = Math.min(1, tests * pValue(r, pairs.count));
                    best = new Correlation(other.getKey(), r, lag, leader, pairs.count, p,
                            spearman(pairs.x, pairs.y, pairs.count));
                }
            }
            if (best != null && best.pValue() <= settings.alpha()
                    && Math.abs(best.correlation()) >= settings.minCorrelation()) {
                related.add(best);
            }
        }
        related.sort(Comparator.comparingDouble((Correlation c) -> -Math.abs(c.correlation()))
                .thenComparing(Correlation::name));
        return related;
    }

    /** Step-to-step changes; NaN where either end is missing. Index t is the change from t - 1 to t. */
    static double[] changes(double[] series) {
        double[] changes = new double[Math.max(0, series.length - 1)];
        for (int t = 1; t < series.length; t++) {
            double a = series[t - 1];
            double b = series[t];
            changes[t - 1] = Double.isFinite(a) && Double.isFinite(b) ? b - a : Double.NaN;
        }
        return changes;
    }

    private static boolean constant(double[] changes) {
        for (double change : changes) {
            if (Double.isFinite(change) && change != 0) {
                return false;
            }
        }
        return true;
    }

    /** Pairs (target[t], other[t - lag]) where both are known. */
    private static Pairs pairs(double[] target, double[] other, int lag) {
        double[] x = new double[target.length];
        double[] y = new double[target.length];
        int count = 0;
        for (int t = Math.max(0, lag); t < target.length && t - lag < other.length; t++) {
            double a = target[t];
            double b = other[t - lag];
            if (Double.isFinite(a) && Double.isFinite(b)) {
                x[count] = a;
                y[count] = b;
                count++;
            }
        }
        return new Pairs(x, y, count);
    }

    private record Pairs(double[] x, double[] y, int count) {
    }

    /** Pearson's r, NaN if either side does not vary. Two passes: centring first keeps it accurate. */
    static double pearson(double[] x, double[] y, int n) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Spearman's rho: Pearson's r of the ranks, ties sharing their mean rank. */
    static double spearman(double[] x, double[] y, int n) {
        double r = pearson(ranks(x, n), ranks(y, n), n);
        return Double.isNaN(r) ? 0 : r;
    }

    private static double[] ranks(double[] values, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Two-sided p-value of r from n pairs under no correlation: Student's t with n - 2 degrees of freedom. */
    static double pValue(double r, int n) {
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        // A null random generator: the distribution is only asked for its CDF, never sampled.
        return 2 * (1 - new TDistribution(null, n - 2).cumulativeProbability(t));
    }
}
