package io.aidevops.ai.anomaly;

/**
 * How far each hour of the day (UTC) usually sits from the running mean, so a daily rhythm is not scored as
 * deviation. 24 floats and 24 visit counters.
 *
 * <p>The offsets move fast (a fifth of the way per visit), so with 5-minute data an hour's offset also follows the
 * last few points in that hour: on NAB a slower rate (0.05) and an hour-of-week profile both did worse, since real
 * series drift and a stale rhythm is itself a source of false alarms. An hour's offset is used for scoring only
 * after a few visits.
 */
final class DailyProfile {

    static final int HOURS = 24;
    private static final int TRUSTED_AFTER = 4;
    private static final double RATE = 0.2;

    private final float[] offsets = new float[HOURS];
    private final byte[] visits = new byte[HOURS];

    /** The hour of the day (UTC) of a time. */
    static int hour(long epochSeconds) {
        return (int) Math.floorMod(epochSeconds / 3600, (long) HOURS);
    }

    /** The expected offset from the mean at this hour, 0 until the hour has been seen often enough. */
    double offset(int hour) {
        return visits[hour] >= TRUSTED_AFTER ? offsets[hour] : 0;
    }

    /** The learnt offset at this hour, trusted or not. */
    double learnt(int hour) {
        return offsets[hour];
    }

    /** Learns that at this hour the value sat {@code fromMean} away from the running mean. */
    void learn(int hour, double fromMean) {
        int seen = visits[hour];
        double rate = Math.max(RATE, 1.0 / (seen + 1));
        offsets[hour] += (float) (rate * (fromMean - offsets[hour]));
        if (seen < Byte.MAX_VALUE) {
            visits[hour]++;
        }
    }
}
