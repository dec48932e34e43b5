package io.aidevops.ai.anomaly;

/**
 * A cool-down for one view: once the view reaches its alarm level, it is held just below that level for a number of
 * points, whatever the other views do. The detector-wide {@link CoolDown} is short (one event, one alert); some views
 * stay elevated long after an event because their own history absorbs a new regime slowly, and their repeated
 * alarms then were mostly false on NAB.
 */
final class ViewHold {

    /** Just below the alarm level: a held view still shows its strength in the score, but cannot alarm. */
    private static final double HELD = 0.99;

    private final int points;
    private int remaining;

    /** @param points how many points after reaching its level the view is held below it */
    ViewHold(int points) {
        this.points = points;
    }

    /** The view's ratio (statistic / alarm level) to use for this point. */
    double apply(double ratio) {
        if (remaining > 0) {
            remaining--;
            return Math.min(ratio, HELD);
        }
        if (ratio >= 1) {
            remaining = points;
        }
        return ratio;
    }
}
