package io.aidevops.ai.canary.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.Look;
import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.Thresholds;

/**
 * One labelled rollout: the metrics of baseline and canary over all planned looks.
 *
 * @param id a stable name, the spec's key and the rollout's number
 * @param spec what was injected; it carries the label
 * @param looks planned looks
 * @param pointsPerLook points each pod adds per look
 * @param metrics the metrics, in judging order
 */
public record Scenario(String id, ScenarioSpec spec, int looks, int pointsPerLook, List<MetricSeries> metrics) {

    /** @throws IllegalArgumentException if the metrics are not {@code looks * pointsPerLook} points long */
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        metrics = List.copyOf(metrics);
        if (looks < 1 || pointsPerLook < 1 || metrics.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs looks, points and metrics");
        }
        for (MetricSeries series : metrics) {
            if (series.points() != looks * pointsPerLook) {
                throw new IllegalArgumentException(series.spec().name() + " has " + series.points()
                        + " points per pod, but " + looks + " looks of " + pointsPerLook + " need "
                        + looks * pointsPerLook);
            }
        }
    }

    /** Whether a correct judge rolls this rollout back (see {@link ScenarioSpec} for the rule). */
    public boolean shouldFail() {
        return spec.shouldFail();
    }

    /** Where the injected effect lies against the tolerance. */
    public EffectCategory category() {
        return spec.category();
    }

    /**
     * The request of look {@code index}: the cumulative data from the start of the rollout to the end of that look,
     * at {@code Look(index, looks)}, with default thresholds and equal groups.
     */
    public JudgeRequest request(int index) {
        Look look = new Look(index, looks);
        List<MetricInput> inputs = new ArrayList<>(metrics.size());
        for (MetricSeries series : metrics) {
            inputs.add(series.upTo(index * pointsPerLook));
        }
        return new JudgeRequest(inputs, Thresholds.DEFAULT, Map.of(), look);
    }

    /** All of the data as one final judgment ({@link Look#ONLY}): what an end-only analysis judges. */
    public JudgeRequest endOnlyRequest() {
        return request(looks).at(Look.ONLY);
    }
}
