package io.aidevops.ai.forecast;

/**
 * One step of a forecast: the point forecast and its 80 % and 95 % prediction intervals.
 *
 * @param step steps after the last observation, from 1
 * @param epochSeconds the time the step stands for (last observation plus {@code step} sampling steps)
 * @param value the point forecast
 * @param lower80 lower end of the 80 % interval
 * @param upper80 upper end of the 80 % interval
 * @param lower95 lower end of the 95 % interval
 * @param upper95 upper end of the 95 % interval
 */
public record ForecastPoint(int step, long epochSeconds, double value, double lower80, double upper80,
        double lower95, double upper95) {

    /** Half-width of a central 80 % interval of the standard normal distribution. */
    static final double Z80 = 1.2815515655446004;
    /** Half-width of a central 95 % interval of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    /**
     * A step whose error is taken as normal around the point forecast, which is how every forecaster here states its
     * intervals.
     *
     * @param sd the standard deviation of the forecast error at this step
     */
    static ForecastPoint normal(int step, long epochSeconds, double value, double sd) {
        return new ForecastPoint(step, epochSeconds, value, value - Z80 * sd, value + Z80 * sd, value - Z95 * sd,
                value + Z95 * sd);
    }
}
