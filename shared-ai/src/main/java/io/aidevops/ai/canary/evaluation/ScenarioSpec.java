package io.aidevops.ai.canary.evaluation;

import java.util.Locale;
import java.util.Objects;

/**
 * One kind of rollout of the corpus: what is injected, how much, and how many pods run on each side.
 *
 * <p><b>Labelling rule.</b> A scenario should fail if and only if its injected effect ({@link #effect()}) exceeds the
 * family's default tolerance ({@link ScenarioFamily#tolerance()}): a ratio above 1.10 for latencies and memory, a
 * spread ratio above 1.5, an error rate higher by more than 0.5 percentage points. Effects at or below the tolerance
 * are labelled good; those exactly at it are reported apart ({@link EffectCategory#AT_TOLERANCE}).
 *
 * @param family what is injected
 * @param size the injection's parameter (a factor, a share of requests, or a growth; see the family)
 * @param baselinePods pods of the baseline
 * @param canaryPods pods of the canary
 */
public record ScenarioSpec(ScenarioFamily family, double size, int baselinePods, int canaryPods) {

    /** Effects closer than this to the tolerance count as exactly at it (sizes are written as decimals). */
    private static final double SAME = 1e-9;

    /** @throws IllegalArgumentException if a side has no pod, or a bad pod has no healthy sibling */
    public ScenarioSpec {
        Objects.requireNonNull(family, "family");
        if (baselinePods < 1 || canaryPods < 1) {
            throw new IllegalArgumentException("each side needs a pod, but has " + baselinePods + " and "
                    + canaryPods);
        }
        if (family == ScenarioFamily.BAD_POD && canaryPods < 2) {
            throw new IllegalArgumentException("one bad pod of the canary needs at least two canary pods");
        }
        if ((family != ScenarioFamily.NONE && !(size > 0)) || Double.isInfinite(size)) {
            throw new IllegalArgumentException(family + " needs a positive finite size, but has " + size);
        }
    }

    /** A/A with the given pods. */
    public static ScenarioSpec aa(int baselinePods, int canaryPods) {
        return new ScenarioSpec(ScenarioFamily.NONE, 0, baselinePods, canaryPods);
    }

    /** The injected effect in the family's measure: the size, except a leak's final-window ratio {@code 1 + size/2}. */
    public double effect() {
        return switch (family) {
            case NONE -> Double.NaN;
            case MEMORY_LEAK -> 1 + size / 2;
            default -> size;
        };
    }

    /** Where the effect lies against the tolerance. */
    public EffectCategory category() {
        if (family == ScenarioFamily.NONE) {
            return EffectCategory.NO_EFFECT;
        }
        double excess = effect() - family.tolerance();
        if (Math.abs(excess) < SAME) {
            return EffectCategory.AT_TOLERANCE;
        }
        return excess > 0 ? EffectCategory.BEYOND_TOLERANCE : EffectCategory.WITHIN_TOLERANCE;
    }

    /** The label: whether a correct judge rolls this rollout back. */
    public boolean shouldFail() {
        return category() == EffectCategory.BEYOND_TOLERANCE;
    }

    /** The size in words, for example {@code x1.25}, {@code +1pp}, {@code growth +30%}. */
    public String sizeLabel() {
        return switch (family) {
            case NONE -> "-";
            case ERROR_FROM_ZERO, ERROR_FROM_BASE -> "+" + trim(size * 100) + "pp";
            case MEMORY_LEAK -> "growth +" + trim(size * 100) + "%";
            default -> "x" + trim(size);
        };
    }

    /** A stable key, for example {@code LATENCY_SHIFT x1.25 2/2}. */
    public String key() {
        return family + " " + sizeLabel() + " " + baselinePods + "/" + canaryPods;
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
