package io.aidevops.ai.forecast;

/**
 * The smoothing parameters of additive Holt-Winters with a damped trend.
 *
 * @param alpha how fast the level follows the data, in (0, 1]
 * @param beta how fast the trend follows the level's changes, in [0, 1]; 0 keeps the trend at its start (zero)
 * @param gamma how fast the seasonal profile follows the data, in [0, 1]; unused without a season
 * @param phi the trend's damping per step, in (0, 1]: the forecast's slope shrinks by this factor per step, so a
 *        long horizon levels off instead of running away along a short-lived trend
 */
public record Smoothing(double alpha, double beta, double gamma, double phi) {

    /** Middle-of-the-road values used when there is too little data to fit any. */
    public static final Smoothing DEFAULT = new Smoothing(0.3, 0.05, 0.1, 0.95);

    /** Checks the ranges. */
    public Smoothing {
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1) || !(gamma >= 0 && gamma <= 1)
                || !(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException("smoothing needs alpha in (0,1], beta and gamma in [0,1] and phi in "
                    + "(0,1]; was " + alpha + ", " + beta + ", " + gamma + ", " + phi);
        }
    }
}
