package io.aidevops.ai.canary;

import java.util.Objects;

/**
 * How one metric is judged.
 *
 * <p>Tolerances say how large a change must be before it matters, however significant it is. For
 * {@link MetricKind#ERROR_RATE} they are absolute differences of the error share (0.005 = half a percentage point),
 * because a ratio is meaningless against a zero baseline; for every other kind they are ratios of the canary's
 * location to the baseline's (1.10 = ten per cent higher).
 *
 * @param name the metric's name, unique within a request
 * @param kind what it measures
 * @param direction which change is bad
 * @param critical a failure of this metric fails the whole judgment
 * @param muted judged and reported, but left out of the score (dry run)
 * @param mustHaveData no data at the final look counts as a failure instead of being left out
 * @param group the group the metric is scored in
 * @param allowedIncrease the largest harmless increase (see above)
 * @param allowedDecrease the largest harmless decrease (see above; a ratio below 1, or a negative difference)
 * @param minSamples fewer points than this on either side is NODATA
 */
public record MetricSpec(String name, MetricKind kind, Direction direction, boolean critical, boolean muted,
        boolean mustHaveData, String group, double allowedIncrease, double allowedDecrease, int minSamples) {

    /** The group of metrics that name none. */
    public static final String DEFAULT_GROUP = "default";

    /** Fewer points than this per side and a location test cannot reach its significance level at all. */
    public static final int DEFAULT_MIN_SAMPLES = 10;

    /**
     * @throws IllegalArgumentException if the name is blank or a tolerance points the wrong way
     */
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(group, "group");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("metric " + name + ": minSamples must be at least 1, but is "
                    + minSamples);
        }
        boolean absolute = kind == MetricKind.ERROR_RATE;
        if (!(allowedIncrease >= (absolute ? 0 : 1)) || Double.isInfinite(allowedIncrease)) {
            throw new IllegalArgumentException("metric " + name + ": allowedIncrease must be " + (absolute
                    ? "an absolute difference of at least 0" : "a ratio of at least 1") + ", but is "
                    + allowedIncrease);
        }
        if (absolute ? !(allowedDecrease <= 0) || Double.isInfinite(allowedDecrease)
                : !(allowedDecrease > 0 && allowedDecrease <= 1)) {
            throw new IllegalArgumentException("metric " + name + ": allowedDecrease must be " + (absolute
                    ? "an absolute difference of at most 0" : "a ratio in (0, 1]") + ", but is " + allowedDecrease);
        }
    }

    /**
     * A metric with the defaults of its kind: its kind's direction, not critical, not muted, the default group,
     * tolerances of +-10 % (error rates: +-0.5 percentage points) and {@value #DEFAULT_MIN_SAMPLES} samples.
     */
    public static MetricSpec of(String name, MetricKind kind) {
        boolean absolute = kind == MetricKind.ERROR_RATE;
        return new MetricSpec(name, kind, kind.defaultDirection(), false, false, false, DEFAULT_GROUP,
                absolute ? 0.005 : 1.10, absolute ? -0.005 : 1 / 1.10, DEFAULT_MIN_SAMPLES);
    }

    /** This spec with another direction. */
    public MetricSpec withDirection(Direction value) {
        return new MetricSpec(name, kind, value, critical, muted, mustHaveData, group, allowedIncrease,
                allowedDecrease, minSamples);
    }

    /** This spec, critical or not. */
    public MetricSpec withCritical(boolean value) {
        return new MetricSpec(name, kind, direction, value, muted, mustHaveData, group, allowedIncrease,
                allowedDecrease, minSamples);
    }

    /** This spec, muted or not. */
    public MetricSpec withMuted(boolean value) {
        return new MetricSpec(name, kind, direction, critical, value, mustHaveData, group, allowedIncrease,
                allowedDecrease, minSamples);
    }

    /** This spec, requiring data or not. */
    public MetricSpec withMustHaveData(boolean value) {
        return new MetricSpec(name, kind, direction, critical, muted, value, group, allowedIncrease,
                allowedDecrease, minSamples);
    }

    /** This spec in another group. */
    public MetricSpec withGroup(String value) {
        return new MetricSpec(name, kind, direction, critical, muted, mustHaveData, value, allowedIncrease,
                allowedDecrease, minSamples);
    }

    /** This spec with other tolerances. */
    public MetricSpec withTolerance(double increase, double decrease) {
        return new MetricSpec(name, kind, direction, critical, muted, mustHaveData, group, increase, decrease,
                minSamples);
    }

    /** This spec with another minimum sample count. */
    public MetricSpec withMinSamples(int value) {
        return new MetricSpec(name, kind, direction, critical, muted, mustHaveData, group, allowedIncrease,
                allowedDecrease, value);
    }
}
