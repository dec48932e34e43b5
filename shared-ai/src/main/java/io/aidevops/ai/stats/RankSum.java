package io.aidevops.ai.stats;

/**
 * The Mann-Whitney rank-sum comparison of two samples, with the normal approximation, average ranks for ties and
 * the tie-corrected variance. One merge of the sorted samples: O(n + m).
 *
 * @param u the number of pairs (x, y) with x &gt; y, ties counting one half
 * @param n the size of x
 * @param m the size of y
 * @param sigma the standard deviation of U under equal distributions, corrected for ties (0 if all values tie)
 * @param z the continuity-corrected z of "x tends to be larger than y" (0 when sigma is 0)
 */
public record RankSum(double u, int n, int m, double sigma, double z) {

    /**
     * Compares {@code x} with {@code y}.
     *
     * @param x ascending values, at least one
     * @param y ascending values, at least one
     */
    public static RankSum of(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("rank sum needs values on both sides, but has " + n + " and " + m);
        }
        double u = 0;
        double tieTerm = 0;
        int i = 0;
        int j = 0;
        int yBelow = 0;
        while (i < n || j < m) {
            double value = i < n && (j >= m || x[i] <= y[j]) ? x[i] : y[j];
            int xs = 0;
            while (i < n && x[i] == value) {
                i++;
                xs++;
            }
            int ys = 0;
            while (j < m && y[j] == value) {
                j++;
                ys++;
            }
            u += xs * (yBelow + ys / 2.0);
            yBelow += ys;
            long t = xs + ys;
            tieTerm += (double) t * t * t - t;
        }
        double total = n + m;
        double variance = n * (double) m / 12 * ((total + 1) - tieTerm / (total * (total - 1)));
        double sigma = variance > 0 ? Math.sqrt(variance) : 0;
        double centred = u - n * (double) m / 2;
        double z = sigma == 0 ? 0 : (centred - Math.signum(centred) * Math.min(0.5, Math.abs(centred))) / sigma;
        return new RankSum(u, n, m, sigma, z);
    }

    /** The common-language effect size: probability that a random x exceeds a random y (ties one half). */
    public double probabilityXGreater() {
        return u / ((double) n * m);
    }
}
