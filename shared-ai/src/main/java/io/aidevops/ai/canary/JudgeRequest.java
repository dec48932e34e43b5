package io.aidevops.ai.canary;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a judge needs for one judgment.
 *
 * @param metrics the metrics, names unique
 * @param thresholds the score thresholds
 * @param groupWeights weight in per cent of each named group; groups not named share what is left equally
 * @param look which planned look this is
 */
public record JudgeRequest(List<MetricInput> metrics, Thresholds thresholds, Map<String, Double> groupWeights,
        Look look) {

    /**
     * @throws IllegalArgumentException if there is no metric, a name repeats or a weight is negative
     */
    public JudgeRequest {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(thresholds, "thresholds");
        groupWeights = Map.copyOf(groupWeights);
        Objects.requireNonNull(look, "look");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a judgment needs at least one metric");
        }
        var names = new HashSet<String>();
        for (MetricInput metric : metrics) {
            if (!names.add(metric.spec().name())) {
                throw new IllegalArgumentException("metric " + metric.spec().name() + " appears twice");
            }
        }
        groupWeights.forEach((group, weight) -> {
            if (!(weight >= 0) || weight > 100) {
                throw new IllegalArgumentException("group " + group + " has weight " + weight
                        + "; weights are per cent, 0 to 100");
            }
        });
    }

    /** A single final judgment with default thresholds and equal groups. */
    public static JudgeRequest of(List<MetricInput> metrics) {
        return new JudgeRequest(metrics, Thresholds.DEFAULT, Map.of(), Look.ONLY);
    }

    /** This request at another look. */
    public JudgeRequest at(Look value) {
        return new JudgeRequest(metrics, thresholds, groupWeights, value);
    }

    /** This request with other thresholds. */
    public JudgeRequest withThresholds(Thresholds value) {
        return new JudgeRequest(metrics, value, groupWeights, look);
    }
}
