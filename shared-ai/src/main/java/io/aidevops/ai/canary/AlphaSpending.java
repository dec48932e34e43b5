package io.aidevops.ai.canary;

/**
 * Spreads a false-positive budget over the planned looks of a rollout (Lan-DeMets alpha spending with the power
 * family {@code alpha * t^rho}).
 *
 * <p>Each look may spend only the increase of the spending function since the previous look, so by the union bound
 * the chance that any look of a good release fails is at most {@code alpha}, however many looks there are. A larger
 * {@code rho} keeps early looks stricter (like O'Brien-Fleming) and leaves more power for the end; {@code rho = 1}
 * spends evenly (like Pocock).
 *
 * @param alpha the false-positive budget of a whole rollout, per metric family
 * @param rho the shape of the spending function, greater than 0
 */
public record AlphaSpending(double alpha, double rho) {

    /** The default: 1 % per rollout before the tolerance gate, spent a little more towards the end. */
    public static final AlphaSpending DEFAULT = new AlphaSpending(0.01, 1.5);

    /** @throws IllegalArgumentException if alpha is not in (0, 1) or rho is not positive */
    public AlphaSpending {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), but is " + alpha);
        }
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a positive number, but is " + rho);
        }
    }

    /** The budget spent up to information fraction {@code t}. */
    public double cumulative(double t) {
        return alpha * Math.pow(Math.min(1, Math.max(0, t)), rho);
    }

    /** The budget of look {@code look} alone. */
    public double at(Look look) {
        double now = cumulative((double) look.index() / look.total());
        double before = cumulative((double) (look.index() - 1) / look.total());
        return now - before;
    }
}
