package io.aidevops.ai.anomaly;

/**
 * Turns a raw per-point signal into "how unusual is its recent average for this series": a short exponential
 * average (about 10 points) compared with the long-run mean and spread of that average (about 500 points), as a z.
 * This is what makes signals from quiet and noisy series comparable under one threshold.
 */
final class AnomalyLikelihood {

    private static final double SHORT = 0.1;
    private static final double LONG = 0.002;
    /** A series whose signal never varies must not turn the first blip into an infinite z. */
    private final double spreadFloor;
    private long points;
    private double recent;
    private double mean;
    private double variance;

    /** @param spreadFloor the smallest spread a z is measured in */
    AnomalyLikelihood(double spreadFloor) {
        this.spreadFloor = spreadFloor;
    }

    /** Takes the next raw value and returns the z of the recent average against its own history. */
    double next(double raw) {
        points++;
        recent += SHORT * (raw - recent);
        double z = (recent - mean) / Math.max(Math.sqrt(variance), spreadFloor);
        double rate = Math.max(LONG, 1.0 / points);
        double delta = recent - mean;
        mean += rate * delta;
        variance = (1 - rate) * (variance + rate * delta * delta);
        return z;
    }
}
