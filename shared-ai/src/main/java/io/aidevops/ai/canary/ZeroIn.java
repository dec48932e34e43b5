package io.aidevops.ai.canary;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.util.Precision;

/**
 * Brent's root finder ("zeroin", Brent 1973) as R's {@code uniroot} runs it for {@code wilcox.test} and as Kayenta's
 * Mann-Whitney solver runs it: absolute tolerance 10<sup>-4</sup>, at most 1000 steps, the function values at both
 * ends given by the caller. It combines bisection with secant and inverse quadratic interpolation steps.
 *
 * <p>Why not commons-math3's {@code BrentSolver}: on a step function such as the rank-sum statistic the returned
 * point depends on every detail of the iteration: the tolerance (10<sup>-4</sup> here, 10<sup>-6</sup> there), the
 * start, the acceptance rule for interpolation steps. Only the same iteration reproduces Kayenta's interval ends and
 * estimate, which decide borderline classifications, for example sparse errors against an all-zero baseline.
 * Like Kayenta's, this solver never throws: without a sign change it returns its last iterate.
 */
final class ZeroIn {

    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-4;
    /** C's {@code DBL_EPSILON}. */
    private static final double EPSILON = Math.ulp(1.0);

    private ZeroIn() {
    }

    /**
     * A zero of {@code f} in {@code [lo, hi]}.
     *
     * @param lo lower end
     * @param hi upper end
     * @param fLo {@code f(lo)}
     * @param fHi {@code f(hi)}, of the other sign than {@code fLo} for a meaningful answer
     * @param f the function
     * @return a point within about 10<sup>-4</sup> of a sign change of {@code f}
     */
    static double solve(double lo, double hi, double fLo, double fHi, DoubleUnaryOperator f) {
        if (isZero(fLo)) {
            return lo;
        }
        if (isZero(fHi)) {
            return hi;
        }
        double previous = lo;
        double fPrevious = fLo;
        double best = hi;
        double fBest = fHi;
        // The contrapoint: the zero lies between best and it.
        double contra = previous;
        double fContra = fPrevious;
        for (int left = MAX_ITERATIONS + 1; left > 0; left--) {
            double previousStep = best - previous;
            if (Math.abs(fContra) < Math.abs(fBest)) {
                // Swap so that best is the better approximation; previous takes the old best.
                previous = best;
                best = contra;
                contra = previous;
                fPrevious = fBest;
                fBest = fContra;
                fContra = fPrevious;
            }
            double tolerance = 2 * EPSILON * Math.abs(best) + TOLERANCE / 2;
            double step = (contra - best) / 2;
            if (Math.abs(step) <= tolerance || isZero(fBest)) {
                return best;
            }
            if (Math.abs(previousStep) >= tolerance && Math.abs(fPrevious) > Math.abs(fBest)) {
                step = interpolated(previous, fPrevious, best, fBest, contra, fContra, previousStep, tolerance, step);
            }
            if (Math.abs(step) < tolerance) {
                step = step > 0 ? tolerance : -tolerance;
            }
            previous = best;
            fPrevious = fBest;
            best += step;
            fBest = f.applyAsDouble(best);
            if (fBest > 0 && fContra > 0 || fBest < 0 && fContra < 0) {
                contra = previous;
                fContra = fPrevious;
            }
        }
        return best;
    }

    /**
     * The secant step (two distinct points) or inverse quadratic step (three), kept as the fraction {@code p / q} until
     * it is accepted; {@code bisection} if the step would leave the bracket or shrink too slowly.
     */
    private static double interpolated(double a, double fa, double b, double fb, double c, double fc,
            double previousStep, double tolerance, double bisection) {
        double cb = c - b;
        double p;
        double q;
        if (a == c) {
            double ratio = fb / fa;
            p = cb * ratio;
            q = 1.0 - ratio;
        } else {
            double qa = fa / fc;
            double rb = fb / fc;
            double sb = fb / fa;
            p = sb * (cb * qa * (qa - rb) - (b - a) * (rb - 1.0));
            q = (qa - 1.0) * (rb - 1.0) * (sb - 1.0);
        }
        if (p > 0.0) {
            q = -q;
        } else {
            p = -p;
        }
        boolean insideBracket = p < 0.75 * cb * q - Math.abs(tolerance * q) / 2;
        boolean shrinksEnough = p < Math.abs(previousStep * q / 2);
        return insideBracket && shrinksEnough ? p / q : bisection;
    }

    /** Zero to within one unit in the last place, as Kayenta tests it. */
    private static boolean isZero(double value) {
        return Precision.equals(value, 0);
    }
}
