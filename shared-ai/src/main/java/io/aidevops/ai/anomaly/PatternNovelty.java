package io.aidevops.ai.anomaly;

/**
 * Has the series shown the shape of its last four points before? Values are quantised into eight levels over the
 * range seen so far (online: the range only grows, so a new extreme is itself new), the last four levels make one
 * of 8^4 = 4096 patterns, and one bit per pattern remembers whether it was seen. 512 bytes of bits, no hashing, no
 * collisions.
 */
final class PatternNovelty {

    private static final int LEVELS = 8;
    private static final int WINDOW = 4;
    private static final int PATTERNS = 4096;

    private final long[] seen = new long[PATTERNS / Long.SIZE];
    private long points;
    private double low;
    private double high;
    private int pattern;

    /** Takes the next value; true if the pattern it completes was never seen. */
    boolean observe(double value) {
        points++;
        if (points == 1) {
            low = value;
            high = value;
            return false;
        }
        low = Math.min(low, value);
        high = Math.max(high, value);
        double range = high - low;
        if (range <= 0) {
            return false;
        }
        int level = (int) Math.min(LEVELS - 1, (value - low) / range * LEVELS);
        pattern = (pattern * LEVELS + level) & (PATTERNS - 1);
        long bit = 1L << pattern;
        boolean novel = (seen[pattern >>> 6] & bit) == 0;
        seen[pattern >>> 6] |= bit;
        return novel && points > WINDOW;
    }

    /**
     * How far a value lies outside the range seen so far, as a share of that range: 0 inside it, and 0 until the
     * range has some width. Call it before {@link #observe} takes the value in.
     */
    double beyondRange(double value) {
        double range = high - low;
        if (points < 2 || range <= 0) {
            return 0;
        }
        return Math.max(0, Math.max(value - high, low - value)) / range;
    }

    /** Whether a value lies above everything seen so far. Call it before {@link #observe} takes the value in. */
    boolean aboveRange(double value) {
        return points >= 2 && value > high;
    }

    /** The spread of the values seen so far. */
    double range() {
        return high - low;
    }
}
