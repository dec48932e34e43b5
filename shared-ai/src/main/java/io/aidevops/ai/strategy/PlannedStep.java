package io.aidevops.ai.strategy;

import java.time.Duration;
import java.util.Objects;

/** One step of a rollout plan, in the spirit of Argo Rollouts' step list. */
public sealed interface PlannedStep {

    /** The step as one short line, e.g. {@code setWeight 25} or {@code analysis 10m}. */
    String describe();

    /** How long the step holds the rollout; zero for steps that only change something. */
    Duration duration();

    /**
     * Send {@code percent} of traffic to the new version (100 = promote; 0 = new version up but unexposed).
     *
     * @param percent 0 to 100
     */
    record SetWeight(int percent) implements PlannedStep {

        /** @throws IllegalArgumentException unless 0 &lt;= percent &lt;= 100 */
        public SetWeight {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0 to 100, but was " + percent);
            }
        }

        @Override
        public String describe() {
            return "setWeight " + percent;
        }

        @Override
        public Duration duration() {
            return Duration.ZERO;
        }
    }

    /**
     * Wait without judging, e.g. for new pods to warm up (JIT, caches) before their metrics count.
     *
     * @param duration positive
     */
    record Pause(Duration duration) implements PlannedStep {

        /** @throws IllegalArgumentException unless the duration is positive */
        public Pause {
            requirePositive(duration);
        }

        @Override
        public String describe() {
            return "pause " + Durations.compact(duration);
        }
    }

    /**
     * Judge the new version against the old one for {@code duration}; a failed analysis rolls back.
     *
     * @param duration positive
     */
    record Analysis(Duration duration) implements PlannedStep {

        /** @throws IllegalArgumentException unless the duration is positive */
        public Analysis {
            requirePositive(duration);
        }

        @Override
        public String describe() {
            return "analysis " + Durations.compact(duration);
        }
    }

    private static void requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive, but was " + duration);
        }
    }
}
