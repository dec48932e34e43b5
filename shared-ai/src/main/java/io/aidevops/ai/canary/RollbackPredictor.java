package io.aidevops.ai.canary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Predicts, from the judgment at the current look, whether the final judgment will fail.
 *
 * <p>Each test's z statistic on the data so far is treated as a Brownian motion observed at information fraction
 * {@code t = look / total}: with a sceptical normal prior on the drift ({@link #PRIOR}), the final z is predicted as
 * normal (Bayesian predictive power; with a flat prior the mean is {@code z / sqrt(t)} and the variance
 * {@code (1 - t) / t}). A metric fails at the end if its
 * final z exceeds the final look's critical value and its effect exceeds the tolerance; the second condition is
 * predicted from the effect's current interval, which shrinks like {@code sqrt(t)}. Metrics are treated as
 * independent, and any failing metric fails the judgment (true at the default thresholds, where one failing metric of
 * up to twenty drops the score below 95).
 */
public final class RollbackPredictor {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final AlphaSpending spending;

    /** @param spending the judge's spending of its false-positive budget over the looks */
    public RollbackPredictor(AlphaSpending spending) {
        this.spending = spending;
    }

    /**
     * The forecast after {@code verdict}. The final look forecasts nothing: its judgment is the outcome.
     *
     * @param verdict a verdict of {@link AdaptiveJudge}, whose tests carry harm-oriented z statistics
     */
    public RollbackForecast forecast(CanaryVerdict verdict) {
        Look look = verdict.look();
        if (look.isFinal()) {
            return RollbackForecast.NONE;
        }
        double t = look.informationFraction();
        double spendingRatio = spending.at(new Look(look.total(), look.total())) / spending.at(look);
        List<RollbackForecast.Driver> drivers = new ArrayList<>();
        double survive = 1;
        int expectedLook = 0;
        for (MetricResult metric : verdict.metrics()) {
            if (metric.spec().muted() || metric.classification() == Classification.NODATA) {
                continue;
            }
            RollbackForecast.Driver worst = null;
            int firstLook = 0;
            for (TestEvidence test : metric.tests()) {
                if (!(test.alpha() > 0) || Double.isNaN(test.statistic())) {
                    continue;
                }
                double finalAlpha = Math.min(0.5, test.alpha() * spendingRatio);
                double critical = NORMAL.inverseCumulativeProbability(1 - finalAlpha);
                double pSignificant = NORMAL.cumulativeProbability((finalMean(test.statistic(), t) - critical)
                        / finalSd(t));
                double p = pSignificant * relevanceProbability(test, t);
                if (worst == null || p > worst.failureProbability()) {
                    worst = new RollbackForecast.Driver(metric.name(), p, test.statistic(), critical);
                    firstLook = firstCrossing(test, look);
                }
            }
            if (worst != null) {
                drivers.add(worst);
                survive *= 1 - worst.failureProbability();
                if (firstLook > 0 && (expectedLook == 0 || firstLook < expectedLook)) {
                    expectedLook = firstLook;
                }
            }
        }
        drivers.sort(Comparator.comparingDouble(RollbackForecast.Driver::failureProbability).reversed());
        double failure = Math.min(1, Math.max(0, 1 - survive));
        return new RollbackForecast(failure, failure >= 0.5 ? expectedLook : 0, drivers);
    }

    /**
     * The sceptical prior on each test's drift: centred on no effect and worth this share of the rollout's
     * information. With a flat prior (0) the first look's z is extrapolated with twice its size and five times its
     * variance, and a fresh canary pod's warm-up reads as a certain failure: on the evaluation corpus (seed 3, 120
     * rollouts per scenario) 1.3 % of A/A rollouts were rolled back with 0.25 and 0.8 % with 0.35, for the same
     * median time to rollback of bad releases (2 looks of 5).
     */
    static final double PRIOR = 0.35;

    /**
     * The predictive mean of the final z given z at information fraction t: the path so far, B(t) = z sqrt(t), plus
     * the posterior mean drift over the rest, under the {@link #PRIOR sceptical prior}.
     */
    static double finalMean(double z, double t) {
        return z * Math.sqrt(t) * (1 + PRIOR) / (t + PRIOR);
    }

    /** The predictive standard deviation of the final z: posterior uncertainty of the drift plus the future noise. */
    static double finalSd(double t) {
        return Math.sqrt((1 - t) * (1 - t) / (t + PRIOR) + (1 - t));
    }

    /** Probability that the final effect estimate exceeds the tolerance, from the current interval. */
    private static double relevanceProbability(TestEvidence test, double t) {
        if (test.relevant()) {
            return 1;
        }
        double width = test.upper() - test.lower();
        if (!(width > 0) || Double.isNaN(test.estimate()) || Double.isNaN(test.tolerance())) {
            return 0;
        }
        // The interval is two-sided at the test's confidence; its half-width shrinks with more data like sqrt(t).
        double z = NORMAL.inverseCumulativeProbability(1 - Math.min(0.25, test.alpha()));
        double finalSe = width / (2 * z) * Math.sqrt(t);
        double excess = (test.higherIsWorse() ? 1 : -1) * (test.estimate() - test.tolerance());
        return NORMAL.cumulativeProbability(excess / finalSe);
    }

    /** The first later look at which the z path expected from the current drift reaches that look's critical z. */
    private int firstCrossing(TestEvidence test, Look look) {
        double drift = test.statistic() / Math.sqrt(look.informationFraction());
        double spentNow = spending.at(look);
        for (int later = look.index() + 1; later <= look.total(); later++) {
            Look next = new Look(later, look.total());
            double alpha = Math.min(0.5, test.alpha() * spending.at(next) / spentNow);
            if (drift * Math.sqrt(next.informationFraction()) >= NORMAL.inverseCumulativeProbability(1 - alpha)) {
                return later;
            }
        }
        return 0;
    }
}
