package io.aidevops.ai.forecast;

import java.util.Arrays;

/** The sampling step of a series, read from its timestamps. */
final class Spacing {

    /** Share of gaps that must equal the step for the series to count as regular. */
    static final double REGULAR_SHARE = 0.9;

    private Spacing() {
    }

    /** The most common positive gap between the first {@code n} times (the smaller on a tie), 0 if none. */
    static long step(long[] times, int n) {
        long[] gaps = gaps(times, n);
        if (gaps.length == 0) {
            return 0;
        }
        Arrays.sort(gaps);
        long best = gaps[0];
        int bestCount = 0;
        for (int i = 0; i < gaps.length; ) {
            int j = i;
            while (j < gaps.length && gaps[j] == gaps[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = gaps[i];
            }
            i = j;
        }
        return best;
    }

    /**
     * Whether the series is sampled regularly at {@code step}: most gaps equal it and the rest are whole multiples
     * (missing scrapes), not jitter. Seasonal models index the season by step, so jitter would smear the profile.
     */
    static boolean regular(long[] times, int n, long step) {
        long[] gaps = gaps(times, n);
        if (gaps.length == 0 || step <= 0) {
            return false;
        }
        int equal = 0;
        int multiples = 0;
        for (long gap : gaps) {
            if (gap == step) {
                equal++;
            } else if (gap % step == 0) {
                multiples++;
            }
        }
        return equal >= REGULAR_SHARE * gaps.length && equal + multiples >= 0.98 * gaps.length;
    }

    /** Whole steps from one time to the next, at least 1 (a repeated or backward time is taken as the next step). */
    static long steps(long from, long to, long step) {
        if (step <= 0) {
            return 1;
        }
        return Math.max(1, Math.round((double) (to - from) / step));
    }

    private static long[] gaps(long[] times, int n) {
        long[] gaps = new long[Math.max(0, n - 1)];
        int count = 0;
        for (int i = 1; i < n; i++) {
            long gap = times[i] - times[i - 1];
            if (gap > 0) {
                gaps[count++] = gap;
            }
        }
        return Arrays.copyOf(gaps, count);
    }
}
