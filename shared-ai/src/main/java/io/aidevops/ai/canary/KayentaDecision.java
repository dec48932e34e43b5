package io.aidevops.ai.canary;

import static io.aidevops.ai.canary.KayentaJudge.CONFIDENCE_LEVEL;
import static io.aidevops.ai.canary.KayentaJudge.TOLERANCE;
import static io.aidevops.ai.canary.KayentaJudge.format;

import java.util.List;

/**
 * Kayenta's rules for one metric once the interval is known, and the words and evidence that explain them.
 *
 * @param direction which change counts against the canary
 * @param interval the rank-sum interval and estimate of the shift canary - baseline
 * @param ratio the mean ratio canary / baseline, NaN when a mean is 0
 * @param up whether the evidence is about an increase: where the interval lies, else the side the direction watches
 *        (for either direction, the side of the estimate)
 * @param above whether the interval lies above the bound
 * @param below whether the interval lies below the negated bound
 * @param bound {@link KayentaJudge#TOLERANCE} x |estimate|
 * @param allowed the effect the mean ratio must reach on that side
 * @param significant whether the interval lies beyond the bound on a side the direction watches
 * @param relevant whether the mean ratio reaches {@code allowed}, or is undefined (Kayenta then skips the check)
 */
record KayentaDecision(Direction direction, RankSumInterval.Result interval, double ratio, boolean up, boolean above,
        boolean below, double bound, double allowed, boolean significant, boolean relevant) {

    private static final String MANN_WHITNEY = "mann-whitney (kayenta)";
    private static final String MEAN_RATIO = "mean ratio (kayenta effect size)";

    /** Applies Kayenta's High and Low rules to the interval and ratio of a metric judged by {@code spec}. */
    static KayentaDecision of(MetricSpec spec, RankSumInterval.Result interval, double ratio) {
        Direction direction = spec.direction();
        // Our error-rate tolerances are absolute differences, meaningless as ratios: Kayenta's default instead.
        boolean absolute = spec.kind() == MetricKind.ERROR_RATE;
        double bound = TOLERANCE * Math.abs(interval.estimate());
        boolean above = interval.lower() > bound;
        boolean below = interval.upper() < -bound;
        boolean up = above || !below && (direction == Direction.INCREASE
                || direction == Direction.EITHER && interval.estimate() >= 0);
        double allowed = absolute ? 1.0 : up ? spec.allowedIncrease() : spec.allowedDecrease();
        boolean significant = up ? above && direction.watchesIncrease() : below && direction.watchesDecrease();
        boolean relevant = Double.isNaN(ratio) || (up ? ratio >= allowed : ratio <= allowed);
        return new KayentaDecision(direction, interval, ratio, up, above, below, bound, allowed, significant,
                relevant);
    }

    /** HIGH or LOW when the interval clears the bound on a watched side and the ratio check passes; else PASS. */
    Classification classification() {
        if (!(significant && relevant)) {
            return Classification.PASS;
        }
        return up ? Classification.HIGH : Classification.LOW;
    }

    /** Why, in one sentence with the numbers Kayenta compared. */
    String reason() {
        String estimate = " of its estimate " + format(interval.estimate());
        String side = up ? "above " + percent(TOLERANCE) + estimate + " (" + format(bound) + ")"
                : "below -" + percent(TOLERANCE) + estimate + " (" + format(-bound) + ")";
        String ci = "CI [" + format(interval.lower()) + ", " + format(interval.upper()) + "] of the shift";
        if (significant) {
            String comparison = up ? ratio >= allowed ? " >= " : " < " : ratio <= allowed ? " <= " : " > ";
            String effect = Double.isNaN(ratio)
                    ? "the mean ratio is undefined (a mean is 0), so Kayenta skips its effect-size check"
                    : "mean ratio " + format(ratio) + comparison + "allowed " + format(allowed);
            return ci + " lies " + side + (relevant ? " and " : ", but ") + effect;
        }
        if (above || below) {
            return ci + " lies " + side + ", but only " + (up ? "a decrease" : "an increase")
                    + " counts for this metric";
        }
        if (direction == Direction.EITHER) {
            return ci + " lies neither above " + percent(TOLERANCE) + estimate + " (" + format(bound)
                    + ") nor below (" + format(-bound) + ")";
        }
        return ci + " does not lie " + side;
    }

    /**
     * The interval with its estimate and bound (z and p-value at no shift for the report only), then the mean ratio
     * with the allowed effect: everything Kayenta looks at. Both flag exactly when the metric is HIGH or LOW.
     */
    List<TestEvidence> evidence() {
        String where = direction == Direction.EITHER ? "beyond +-" : up ? "above " : "below -";
        var shift = new TestEvidence(MANN_WHITNEY, "does the " + percent(CONFIDENCE_LEVEL)
                + " CI of the shift canary - baseline lie " + where + percent(TOLERANCE) + " of the shift's estimate?",
                interval.z(), interval.pValue(), 1.0 - CONFIDENCE_LEVEL, interval.estimate(), interval.lower(),
                interval.upper(), "location shift (canary - baseline)", bound, significant, relevant, up);
        var effect = new TestEvidence(MEAN_RATIO, "does the mean ratio canary / baseline reach the allowed "
                + (up ? "increase" : "decrease") + "?", ratio, Double.NaN, Double.NaN, ratio, Double.NaN, Double.NaN,
                "mean ratio (canary / baseline)", allowed, significant, relevant, up);
        return List.of(shift, effect);
    }

    private static String percent(double share) {
        return format(share * 100) + "%";
    }
}
