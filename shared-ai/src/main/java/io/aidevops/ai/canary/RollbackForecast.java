package io.aidevops.ai.canary;

import java.util.List;

/**
 * How likely the canary is to fail its final judgment, and when the failure would show, predicted from the
 * evidence of the looks so far.
 *
 * @param failureProbability probability in [0, 1] that the final judgment fails
 * @param expectedFailureLook the first later look at which a failure is expected, or 0 if none is expected
 * @param drivers the metrics that drive the prediction, each with its own probability, worst first
 */
public record RollbackForecast(double failureProbability, int expectedFailureLook, List<Driver> drivers) {

    /** Nothing points to a failure. */
    public static final RollbackForecast NONE = new RollbackForecast(0, 0, List.of());

    /** Copies the list and checks the probability. */
    public RollbackForecast {
        if (!(failureProbability >= 0 && failureProbability <= 1)) {
            throw new IllegalArgumentException("failureProbability must be in [0, 1], but is " + failureProbability);
        }
        drivers = List.copyOf(drivers);
    }

    /**
     * One metric's part in the forecast.
     *
     * @param metric the metric's name
     * @param failureProbability probability that this metric fails the final look
     * @param z the current z statistic in the harmful direction
     * @param finalCriticalZ the z the final look must exceed to flag it
     */
    public record Driver(String metric, double failureProbability, double z, double finalCriticalZ) {
    }

    /** A sentence for the evidence report. */
    public String describe() {
        if (drivers.isEmpty()) {
            return "no metric trends towards failure";
        }
        Driver worst = drivers.get(0);
        return String.format("%.0f %% likely to fail the final judgment%s; driven by %s (z %.2f now, %.2f needed at"
                + " the end)", 100 * failureProbability, expectedFailureLook > 0 ? " (expected at look "
                + expectedFailureLook + ")" : "", worst.metric(), worst.z(), worst.finalCriticalZ());
    }
}
