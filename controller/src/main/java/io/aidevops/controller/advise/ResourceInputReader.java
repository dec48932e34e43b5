package io.aidevops.controller.advise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidevops.ai.resources.PodUsage;
import io.aidevops.ai.resources.Quantities;
import io.aidevops.ai.resources.ResourceInput;
import io.aidevops.ai.resources.ResourceSettings;
import io.aidevops.deploy.plan.DurationText;

/**
 * Reads the input of {@code aidevops advise resources} and {@code POST /api/v1/advise/resources}:
 *
 * <pre>
 * {"interval": "15s", "replicas": 3,
 *  "current": {"cpu_request": "250m", "cpu_limit": null, "memory_request": "256Mi", "memory_limit": "512Mi"},
 *  "canary":   [{"pod": "web-1", "cpu": [0.21, ...], "memory": [2.1e8, ...]}],
 *  "baseline": [...]}
 * </pre>
 *
 * CPU samples are cores, memory samples bytes (working set), oldest first, one per {@code interval}.
 * {@code replicas} (default 1), {@code current} (default: nothing set) and {@code baseline} are optional. Every
 * problem names the field, e.g. {@code canary[0].memory[3] is "x"; expected a number}.
 */
public final class ResourceInputReader {

    private static final List<String> FIELDS = List.of("interval", "replicas", "current", "canary", "baseline");
    private static final List<String> CURRENT_FIELDS = List.of("cpu_request", "cpu_limit", "memory_request",
            "memory_limit");
    private static final List<String> POD_FIELDS = List.of("pod", "cpu", "memory");

    private ResourceInputReader() {
    }

    /**
     * Reads one input document.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public static ResourceInput read(String text) {
        JsonNode node = JsonFields.object(text, "the input");
        JsonFields.knownKeys(node, FIELDS, "");
        String intervalText = JsonFields.text(node, "interval", "interval", null);
        if (intervalText == null) {
            throw new IllegalArgumentException("interval is missing; expected the time between two samples, e.g. "
                    + "\"15s\"");
        }
        Duration interval = DurationText.parse(intervalText).filter(d -> !d.isZero())
                .orElseThrow(() -> new IllegalArgumentException("interval is \"" + intervalText
                        + "\"; expected a positive duration such as 15s, 1m or 1m30s"));
        int replicas = JsonFields.wholeNumber(node, "replicas", "replicas", 1);
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas is " + replicas + "; expected at least 1");
        }
        // In the order of the documented file, so the first problem reported is the first one in the file.
        ResourceSettings current = current(node);
        List<PodUsage> canary = pods(node, "canary", true);
        List<PodUsage> baseline = pods(node, "baseline", false);
        return new ResourceInput(interval, canary, baseline, current, replicas);
    }

    private static ResourceSettings current(JsonNode node) {
        JsonNode current = JsonFields.optional(node, "current");
        if (current == null) {
            return ResourceSettings.NONE;
        }
        if (!current.isObject()) {
            throw new IllegalArgumentException("current is " + JsonFields.kind(current) + "; expected an object "
                    + "with " + String.join(", ", CURRENT_FIELDS));
        }
        JsonFields.knownKeys(current, CURRENT_FIELDS, "current.");
        String[] values = new String[CURRENT_FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            String key = CURRENT_FIELDS.get(i);
            JsonNode value = JsonFields.optional(current, key);
            if (value != null && !value.isTextual() && !value.isNumber()) {
                throw new IllegalArgumentException("current." + key + " is " + value + "; expected a quantity "
                        + "such as \"250m\" or \"512Mi\", or null");
            }
            values[i] = value == null ? null : value.asText();
            // Each value alone first, so the message names the field rather than "cpu quantity".
            try {
                if (values[i] != null && key.startsWith("cpu")) {
                    Quantities.parseCpu(values[i]);
                } else if (values[i] != null) {
                    Quantities.parseMemory(values[i]);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("current." + key + " is " + value + "; expected a Kubernetes "
                        + "quantity such as " + (key.startsWith("cpu") ? "250m or 0.5" : "384Mi or 1Gi"));
            }
        }
        limitNotBelowRequest("cpu", values[0], values[1], Quantities::parseCpu);
        limitNotBelowRequest("memory", values[2], values[3], Quantities::parseMemory);
        return ResourceSettings.of(values[0], values[1], values[2], values[3]);
    }

    private static void limitNotBelowRequest(String resource, String request, String limit,
            ToLongFunction<String> parse) {
        if (request != null && limit != null && parse.applyAsLong(limit) < parse.applyAsLong(request)) {
            throw new IllegalArgumentException("current." + resource + "_limit " + limit + " is below current."
                    + resource + "_request " + request + "; Kubernetes refuses a limit below its request");
        }
    }

    private static List<PodUsage> pods(JsonNode node, String key, boolean required) {
        JsonNode pods = JsonFields.optional(node, key);
        if (pods == null) {
            if (required) {
                throw new IllegalArgumentException(key + " is missing; expected an array of pods, e.g. [{\"pod\": "
                        + "\"web-1\", \"cpu\": [0.2, 0.3], \"memory\": [2.1e8, 2.2e8]}]");
            }
            return List.of();
        }
        if (!pods.isArray()) {
            throw new IllegalArgumentException(key + " is " + JsonFields.kind(pods) + "; expected an array of pods");
        }
        if (required && pods.isEmpty()) {
            throw new IllegalArgumentException(key + " is empty; expected at least one pod");
        }
        List<PodUsage> result = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            String path = key + "[" + i + "]";
            JsonNode pod = pods.get(i);
            if (!pod.isObject()) {
                throw new IllegalArgumentException(path + " is " + JsonFields.kind(pod) + "; expected an object "
                        + "with pod, cpu and memory");
            }
            JsonFields.knownKeys(pod, POD_FIELDS, path + ".");
            String name = JsonFields.text(pod, "pod", path + ".pod", path);
            if (name.isBlank()) {
                throw new IllegalArgumentException(path + ".pod is blank");
            }
            result.add(new PodUsage(name, samples(pod, "cpu", path), samples(pod, "memory", path)));
        }
        return result;
    }

    private static double[] samples(JsonNode pod, String key, String path) {
        JsonNode values = JsonFields.optional(pod, key);
        String field = path + "." + key;
        if (values == null) {
            return new double[0];
        }
        if (!values.isArray()) {
            throw new IllegalArgumentException(field + " is " + JsonFields.kind(values) + "; expected an array of "
                    + (key.equals("cpu") ? "cores" : "bytes"));
        }
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = JsonFields.number(values.get(i), field + "[" + i + "]");
            if (result[i] < 0) {
                throw new IllegalArgumentException(field + "[" + i + "] is " + values.get(i)
                        + "; expected a number of at least 0");
            }
        }
        return result;
    }
}
