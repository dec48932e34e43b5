package io.aidevops.ai.anomaly;

import java.util.Locale;

/**
 * Why a detector scored a point as it did: the component that scored highest, its raw statistic and the level at
 * which that statistic alone makes an alarm.
 *
 * @param component the component that scored highest
 * @param statistic its raw statistic for the point
 * @param threshold the statistic's alarm level for this series at that point
 */
public record Evidence(Component component, double statistic, double threshold) {

    /** Nothing has been scored yet, or the detector is still warming up. */
    public static final Evidence NONE = new Evidence(Component.NONE, 0, 0);

    /** The parts of a detector that can raise an alarm. */
    public enum Component {
        /** No component: the detector is warming up or has not scored anything. */
        NONE("none", "no evidence"),
        /** One point far from the (daily) baseline, in robust z units. */
        SPIKE("spike", "robust z"),
        /**
         * The recent average of robust z is unusually high for this series: a level shift, a trend change or a
         * variance increase.
         */
        DEVIATION("deviation", "likelihood z of recent robust z"),
        /** Shapes of the last few points that this series has not shown before, more often than usual. */
        NOVELTY("novelty", "likelihood z of unseen patterns"),
        /** A new extreme: beyond the range of all values seen so far, by a share of that range. */
        RECORD("record", "share of the range seen so far passed"),
        /** The simple baseline detector's short-against-long average distance. */
        EWMA("ewma", "short/long z");

        private final String label;
        private final String statistic;

        Component(String label, String statistic) {
            this.label = label;
            this.statistic = statistic;
        }

        /** A short lowercase name for alerts. */
        public String label() {
            return label;
        }

        /** What the raw statistic measures. */
        public String statistic() {
            return statistic;
        }
    }

    /** True when the statistic reached its alarm level. */
    public boolean alarming() {
        return component != Component.NONE && statistic >= threshold;
    }

    /** One line for an alert, e.g. {@code spike: robust z 9.20 > 8.00}. */
    @Override
    public String toString() {
        if (component == Component.NONE) {
            return component.statistic();
        }
        return String.format(Locale.ROOT, "%s: %s %.2f %s %.2f", component.label(), component.statistic(), statistic,
                alarming() ? ">=" : "<", threshold);
    }
}
