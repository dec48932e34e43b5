package io.aidevops.controller.advise;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads fields of a JSON document for the advisors' inputs. Every problem names the field as a path
 * ({@code canary[0].memory[3]}) and shows the value as it was written, so a user finds it in the file.
 */
final class JsonFields {

    // Trailing tokens are an error: "{...} {...}" is not one input.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonFields() {
    }

    /** Parses {@code text} as one JSON object; {@code what} names the input in errors. */
    static JsonNode object(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Size and depth limits raise errors without a position.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, but is " + kind(node));
        }
        return node;
    }

    /** The field, or null when it is absent or JSON null. */
    static JsonNode optional(JsonNode parent, String key) {
        JsonNode value = parent.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** A number, or {@code fallback} when absent. */
    static double number(JsonNode parent, String key, String path, Double fallback) {
        JsonNode value = optional(parent, key);
        if (value == null) {
            return required(fallback, path, "a number");
        }
        return number(value, path);
    }

    /** {@code value} as a finite number. */
    static double number(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + " is " + value + "; expected a number");
        }
        double result = value.asDouble();
        if (!Double.isFinite(result)) {
            throw new IllegalArgumentException(path + " is " + value + "; expected a finite number");
        }
        return result;
    }

    /** A whole number, or {@code fallback} when absent. */
    static int wholeNumber(JsonNode parent, String key, String path, Integer fallback) {
        JsonNode value = optional(parent, key);
        if (value == null) {
            return required(fallback, path, "a whole number");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(path + " is " + value + "; expected a whole number");
        }
        return value.asInt();
    }

    /** A string, or {@code fallback} when absent (null allowed). */
    static String text(JsonNode parent, String key, String path, String fallback) {
        JsonNode value = optional(parent, key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + " is " + value + "; expected a string");
        }
        return value.asText();
    }

    /** true or false; false when absent. */
    static boolean bool(JsonNode parent, String key, String path) {
        JsonNode value = optional(parent, key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + " is " + value + "; expected true or false");
        }
        return value.asBoolean();
    }

    /** Refuses keys outside {@code known}: a misspelt key must not silently fall back to a default. */
    static void knownKeys(JsonNode node, List<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown field " + prefix + key + "; known: "
                        + String.join(", ", known));
            }
        }
    }

    /** What a node is, for messages: {@code an array}, {@code the string "x"}. */
    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    private static <T> T required(T fallback, String path, String expected) {
        if (fallback == null) {
            throw new IllegalArgumentException(path + " is missing; expected " + expected);
        }
        return fallback;
    }
}
