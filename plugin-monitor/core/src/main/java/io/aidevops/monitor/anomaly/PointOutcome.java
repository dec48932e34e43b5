package io.aidevops.monitor.anomaly;

import io.aidevops.ai.anomaly.Evidence;
import io.aidevops.monitor.metric.SeriesKey;

import java.time.Instant;

/** What the pipeline did with one point: scored it, or skipped it and why. */
public sealed interface PointOutcome permits PointOutcome.Scored, PointOutcome.Skipped {

    /** The point's series. */
    SeriesKey series();

    /**
     * The point was scored.
     *
     * @param series its series
     * @param at its time
     * @param value its value
     * @param score the detector's score in [0, 1]
     * @param anomalous whether the score reached the threshold
     * @param pointsSinceAnomaly scored points of the series since its last anomalous one (0 if this one is; the
     *        series' point count if it never had one)
     * @param evidence what the detector says about an anomalous point (which view fired, its statistic and alarm
     *        level); {@link Evidence#NONE} for points below the threshold, so quiet points cost nothing
     */
    record Scored(SeriesKey series, Instant at, double value, double score, boolean anomalous,
            long pointsSinceAnomaly, Evidence evidence) implements PointOutcome {
    }

    /**
     * The point was not scored.
     *
     * @param series its series
     * @param reason why
     */
    record Skipped(SeriesKey series, Reason reason) implements PointOutcome {
    }

    /** Why a point was skipped. */
    enum Reason {
        /** The value was NaN. */
        NOT_A_NUMBER,
        /** The value was infinite. */
        INFINITE,
        /** The point was not later than the series' previous point. */
        NON_MONOTONIC
    }
}
