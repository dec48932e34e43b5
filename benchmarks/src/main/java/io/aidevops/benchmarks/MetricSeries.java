package io.aidevops.benchmarks;

import java.util.SplittableRandom;

/**
 * A synthetic metric that looks like the ones the monitor sees: a daily cycle, noise, rare spikes and a level shift
 * now and then, sampled every 5 minutes. Detectors take different paths on quiet and on anomalous points, so a
 * benchmark fed a flat line would time the cheap path only.
 */
final class MetricSeries {

    /** Seconds between two points. */
    static final long STEP = 300;

    private MetricSeries() {
    }

    /** {@code n} values from the seed. */
    static double[] values(int n, long seed) {
        var random = new SplittableRandom(seed);
        double[] values = new double[n];
        double level = 100;
        for (int i = 0; i < n; i++) {
            double day = Math.sin(2 * Math.PI * (i % 288) / 288.0);
            if (random.nextInt(5_000) == 0) {
                level *= 1.5;
            }
            double spike = random.nextInt(2_000) == 0 ? 40 : 0;
            values[i] = level + 20 * day + 5 * random.nextGaussian() + spike;
        }
        return values;
    }
}
