package io.aidevops.ai.anomaly;

/**
 * After an alarm, hold the score below the alarm level for a number of points: one event should raise one alert,
 * and (under NAB) every extra alarm row is a false positive. Only a clearly stronger score breaks through, as an
 * escalation; measured on NAB this recovers anomalies that follow a false alarm closely.
 */
final class CoolDown {

    /** A score this high, and higher than the alarm that started the cool-down, alarms even while cooling down. */
    static final double BREAK_THROUGH = 0.8;

    private final int points;
    private int quiet;
    private double loudest;

    /** @param points how many points after an alarm stay quiet */
    CoolDown(int points) {
        this.points = points;
    }

    /**
     * The score to emit: halved while cooling down (so it stays below any alarm level of at least 0.5), otherwise
     * unchanged, starting a cool-down when it reaches {@code alarm}.
     */
    double apply(double score, double alarm) {
        boolean escalation = score >= BREAK_THROUGH && score > loudest;
        if (quiet > 0 && !escalation) {
            quiet--;
            return score * 0.5;
        }
        if (score >= alarm) {
            quiet = points;
            loudest = score;
        } else if (quiet > 0) {
            quiet--;
        }
        return score;
    }
}
