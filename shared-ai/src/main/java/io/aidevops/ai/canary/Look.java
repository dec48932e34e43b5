package io.aidevops.ai.canary;

/**
 * Which of the planned analyses of one rollout a judgment is. A judge spends its false-positive budget over all looks,
 * so that judging often does not make rolling back a good release more likely.
 *
 * @param index 1-based number of this look
 * @param total how many looks the rollout plans (at least {@code index})
 */
public record Look(int index, int total) {

    /** A single, final judgment. */
    public static final Look ONLY = new Look(1, 1);

    /** @throws IllegalArgumentException unless 1 &lt;= index &lt;= total */
    public Look {
        if (index < 1 || total < index) {
            throw new IllegalArgumentException("a look needs 1 <= index <= total, but is " + index + " of " + total);
        }
    }

    /** Whether this is the last planned look. */
    public boolean isFinal() {
        return index == total;
    }

    /** The share of the rollout's analysis done after this look, in (0, 1]. */
    public double informationFraction() {
        return (double) index / total;
    }
}
