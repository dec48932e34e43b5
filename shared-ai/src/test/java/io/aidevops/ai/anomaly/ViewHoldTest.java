package io.aidevops.ai.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewHoldTest {

    @Test
    void aViewAlarmsOnceThenStaysBelowItsLevelForTheHoldThenMayAlarmAgain() {
        ViewHold hold = new ViewHold(3);
        assertThat(hold.apply(0.7)).as("below its level: untouched").isEqualTo(0.7);
        assertThat(hold.apply(2.0)).as("the first alarm passes").isEqualTo(2.0);
        assertThat(hold.apply(5.0)).as("held just below the level").isLessThan(1).isGreaterThan(0.9);
        assertThat(hold.apply(0.4)).as("a quiet point is left alone").isEqualTo(0.4);
        assertThat(hold.apply(1.5)).isLessThan(1);
        assertThat(hold.apply(1.5)).as("the hold is over").isEqualTo(1.5);
    }
}
