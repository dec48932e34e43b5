package io.aidevops.ai.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class ZeroInTest {

    @Test
    void shouldFindARootOfASmoothFunctionToTheTolerance() {
        DoubleUnaryOperator f = x -> x * x - 2;

        double root = ZeroIn.solve(0, 2, f.applyAsDouble(0), f.applyAsDouble(2), f);

        assertThat(root).isCloseTo(Math.sqrt(2), within(1e-4));
    }

    @Test
    void shouldFindTheJumpOfAStepFunction() {
        DoubleUnaryOperator step = x -> x < 0.3 ? 1 : -1;

        assertThat(ZeroIn.solve(-5, 5, 1, -1, step)).isCloseTo(0.3, within(1e-4));
    }

    @Test
    void shouldReturnAnEndWhoseValueIsZero() {
        DoubleUnaryOperator f = x -> x;

        assertThat(ZeroIn.solve(0, 1, 0, 1, f)).isZero();
        assertThat(ZeroIn.solve(-1, 1, -1, Double.MIN_VALUE, f)).as("within one ulp of 0").isEqualTo(1);
    }

    @Test
    void shouldNotThrowWithoutASignChange() {
        DoubleUnaryOperator f = x -> 1 + x * x;

        assertThat(ZeroIn.solve(-1, 1, 2, 2, f)).isBetween(-1.0, 1.0);
    }
}
