package io.aidevops.controller.advise;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidevops.ai.strategy.Autoscaler;
import io.aidevops.ai.strategy.Coexistence;
import io.aidevops.ai.strategy.Criticality;
import io.aidevops.ai.strategy.RolloutHistory;
import io.aidevops.ai.strategy.TrafficRouter;
import io.aidevops.ai.strategy.WorkloadProfile;

/**
 * What {@code aidevops advise strategy} and {@code POST /api/v1/advise/strategy} ask about a workload: the flags of
 * the command, or the same fields in JSON.
 *
 * <p>JSON: {@code {"replicas":6,"rps":40,"hpa":"3:12","router":"none","criticality":"high","history":"20:5",
 * "coexistence":"supported","stateful":false,"spare_pods":6}}; only {@code replicas} and {@code rps} are required.
 * {@code hpa} may also be {@code {"min":3,"max":12}} and {@code history} {@code {"rollouts":20,"rolled_back":5}}.
 *
 * @param replicas the workload's replicas
 * @param rps requests per second the whole workload serves
 * @param hpa the HPA's bounds, or null
 * @param router the layer-7 router, {@link TrafficRouter#NONE} without one
 * @param criticality how much a bad release hurts
 * @param history recent rollouts
 * @param coexistence whether two versions may serve at once
 * @param stateful whether the workload keeps state in volumes
 * @param sparePods extra pods the cluster can hold during the rollout; null for "room for a full copy"
 */
public record StrategyRequest(int replicas, double rps, Autoscaler hpa, TrafficRouter router,
        Criticality criticality, RolloutHistory history, Coexistence coexistence, boolean stateful,
        Integer sparePods) {

    /** The JSON fields, in the order the flags are documented. */
    public static final List<String> FIELDS = List.of("replicas", "rps", "hpa", "router", "criticality", "history",
            "coexistence", "stateful", "spare_pods");

    /** @throws IllegalArgumentException naming the field that is out of range */
    public StrategyRequest {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(coexistence, "coexistence");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas is " + replicas + "; expected at least 1");
        }
        if (!(rps >= 0) || Double.isInfinite(rps)) {
            throw new IllegalArgumentException("rps is " + rps + "; expected a number of at least 0");
        }
        if (sparePods != null && sparePods < 0) {
            throw new IllegalArgumentException("spare_pods is " + sparePods + "; expected at least 0");
        }
    }

    /** The advisor's input: unset spare pods mean room for a full second copy, as {@link WorkloadProfile#of}. */
    public WorkloadProfile profile() {
        return new WorkloadProfile(replicas, rps, hpa, router, criticality, history, coexistence, stateful,
                sparePods == null ? replicas : sparePods);
    }

    /**
     * Reads a request body.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public static StrategyRequest fromJson(String text) {
        JsonNode node = JsonFields.object(text, "the request");
        JsonFields.knownKeys(node, FIELDS, "");
        int replicas = JsonFields.wholeNumber(node, "replicas", "replicas", null);
        double rps = JsonFields.number(node, "rps", "rps", null);
        Autoscaler hpa = null;
        JsonNode hpaNode = JsonFields.optional(node, "hpa");
        if (hpaNode != null && hpaNode.isObject()) {
            JsonFields.knownKeys(hpaNode, List.of("min", "max"), "hpa.");
            hpa = autoscaler(JsonFields.wholeNumber(hpaNode, "min", "hpa.min", null),
                    JsonFields.wholeNumber(hpaNode, "max", "hpa.max", null), "hpa");
        } else if (hpaNode != null) {
            hpa = autoscaler(JsonFields.text(node, "hpa", "hpa", null), "hpa");
        }
        RolloutHistory history = RolloutHistory.NONE;
        JsonNode historyNode = JsonFields.optional(node, "history");
        if (historyNode != null && historyNode.isObject()) {
            JsonFields.knownKeys(historyNode, List.of("rollouts", "rolled_back"), "history.");
            history = history(JsonFields.wholeNumber(historyNode, "rollouts", "history.rollouts", null),
                    JsonFields.wholeNumber(historyNode, "rolled_back", "history.rolled_back", 0), "history");
        } else if (historyNode != null) {
            history = history(JsonFields.text(node, "history", "history", null), "history");
        }
        JsonNode spare = JsonFields.optional(node, "spare_pods");
        return new StrategyRequest(replicas, rps, hpa,
                choice(TrafficRouter.class, JsonFields.text(node, "router", "router", "none"), "router"),
                choice(Criticality.class, JsonFields.text(node, "criticality", "criticality", "medium"),
                        "criticality"),
                history,
                choice(Coexistence.class, JsonFields.text(node, "coexistence", "coexistence", "supported"),
                        "coexistence"),
                JsonFields.bool(node, "stateful", "stateful"),
                spare == null ? null : JsonFields.wholeNumber(node, "spare_pods", "spare_pods", null));
    }

    /**
     * {@code MIN:MAX}, e.g. {@code 3:12}.
     *
     * @param field what errors call it, e.g. {@code --hpa}
     */
    public static Autoscaler autoscaler(String text, String field) {
        int[] pair = pair(text, field, "MIN:MAX, e.g. 3:12");
        return autoscaler(pair[0], pair[1], field);
    }

    /**
     * {@code ROLLOUTS:ROLLED_BACK}, e.g. {@code 20:5}: five of the last twenty rollouts were rolled back.
     *
     * @param field what errors call it, e.g. {@code --history}
     */
    public static RolloutHistory history(String text, String field) {
        int[] pair = pair(text, field, "ROLLOUTS:ROLLED_BACK, e.g. 20:5");
        return history(pair[0], pair[1], field);
    }

    /**
     * An enum constant by its label: lower case, {@code -} for {@code _} ({@code gateway-api},
     * {@code schema-migration}).
     *
     * @param field what errors call it
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (label(constant).equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " is \"" + text + "\"; allowed: " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(StrategyRequest::label).toList()));
    }

    /** The label of an enum constant as flags and JSON write it. */
    public static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Autoscaler autoscaler(int min, int max, String field) {
        try {
            return new Autoscaler(min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + min + ":" + max + ": " + e.getMessage());
        }
    }

    private static RolloutHistory history(int rollouts, int rolledBack, String field) {
        try {
            return new RolloutHistory(rollouts, rolledBack, Duration.ZERO);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + rollouts + ":" + rolledBack + ": " + e.getMessage());
        }
    }

    private static int[] pair(String text, String field, String expected) {
        String[] parts = text.trim().split(":", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is \"" + text + "\"; expected " + expected);
        }
    }
}
