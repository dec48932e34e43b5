package io.aidevops.ai.resources;

import java.time.Duration;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The upward-trend test behind {@link Trend}: least squares on time within each pod (pooled slope with each pod's
 * own mean of time and value removed), t-test with n - pods - 1 degrees of freedom.
 *
 * <p>Samples of one pod are autocorrelated, which makes the t-test optimistic; that is why a trend must also be
 * large enough to matter ({@link #RELEVANT_GROWTH} of the peak within the horizon) before it counts as rising.
 */
final class TrendTest {

    /** Growth within the horizon below this share of the peak is noise for sizing purposes, however significant. */
    static final double RELEVANT_GROWTH = 0.05;

    private TrendTest() {
    }

    static Trend test(List<PodUsage> pods, ResourceKind kind, Duration interval, double alpha, Duration horizon,
            double peak) {
        double stepHours = interval.toNanos() / 3.6e12;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        int n = 0;
        int groups = 0;
        for (PodUsage pod : pods) {
            double[] values = pod.samples(kind);
            if (values.length < 3) {
                continue;
            }
            groups++;
            double meanTime = (values.length - 1) / 2.0 * stepHours;
            double meanValue = 0;
            for (double value : values) {
                meanValue += value;
            }
            meanValue /= values.length;
            for (int i = 0; i < values.length; i++) {
                double dx = i * stepHours - meanTime;
                double dy = values[i] - meanValue;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
                n++;
            }
        }
        int degrees = n - groups - 1;
        if (groups == 0 || degrees < 1 || sxx == 0) {
            return Trend.NOT_TESTED;
        }
        double slope = sxy / sxx;
        double residual = Math.max(0, syy - slope * sxy);
        double p;
        if (residual == 0) {
            // A perfect line: any slope is certain, no slope is no evidence.
            p = slope == 0 ? 1 : 0;
        } else {
            double t = slope / Math.sqrt(residual / degrees / sxx);
            p = 2 * new TDistribution(degrees).cumulativeProbability(-Math.abs(t));
        }
        double horizonHours = horizon.toNanos() / 3.6e12;
        boolean relevant = peak > 0 ? slope * horizonHours >= RELEVANT_GROWTH * peak : slope > 0;
        return new Trend(true, slope, p, slope > 0 && p < alpha && relevant);
    }
}
