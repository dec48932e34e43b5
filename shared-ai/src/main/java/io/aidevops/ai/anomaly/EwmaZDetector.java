package io.aidevops.ai.anomaly;

/**
 * A baseline streaming detector: how far a short-term average has moved from a long-term one, in units of the
 * long-term mean absolute deviation, with an alarm cool-down.
 *
 * <p>State is six numbers per series. The long-term statistics adapt slowly (a level shift becomes the new normal
 * after a few hundred points), the short-term average reacts within a few points, and after an alarm the score is
 * held below the alarm level for {@value #COOL_DOWN} points, because a run of alarm rows for one event is punished
 * as many false positives.
 */
public final class EwmaZDetector implements StreamingDetector {

    static final int WARM_UP = 30;
    static final int COOL_DOWN = 100;
    private static final double LONG = 0.005;
    private static final double SHORT = 0.3;
    /** The score at or above which the detector alarms and cools down; its shipped threshold. */
    public static final double ALARM = 0.9;

    private long points;
    private double mean;
    private double deviation;
    private double recent;
    private int quiet;
    private double lastZ = Double.NaN;

    /** The z at which the score reaches {@link #ALARM}: 5 + ln(0.9 / 0.1). */
    private static final double ALARM_Z = 5 + Math.log(ALARM / (1 - ALARM));

    @Override
    public Evidence lastEvidence() {
        return points < WARM_UP ? Evidence.NONE : new Evidence(Evidence.Component.EWMA, lastZ, ALARM_Z);
    }

    @Override
    public double score(long epochSeconds, double value) {
        StreamingDetector.requireFinite(value);
        points++;
        if (points == 1) {
            mean = value;
            recent = value;
            return 0;
        }
        recent += SHORT * (value - recent);
        double scale = Math.max(deviation, 1e-9 * Math.max(1, Math.abs(mean)));
        double z = Math.abs(recent - mean) / scale;
        lastZ = z;
        // Learn after scoring: the point must not explain itself away.
        double alpha = points < WARM_UP ? 1.0 / points : LONG;
        deviation += alpha * (Math.abs(value - mean) - deviation);
        mean += alpha * (value - mean);
        if (points < WARM_UP) {
            return 0;
        }
        // z of 3 is unremarkable, 8 is near certain.
        double score = 1 / (1 + Math.exp(-(z - 5)));
        if (quiet > 0) {
            quiet--;
            return Math.min(score, 0.5);
        }
        if (score >= ALARM) {
            quiet = COOL_DOWN;
        }
        return score;
    }
}
