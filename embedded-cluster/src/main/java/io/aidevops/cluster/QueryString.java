package io.aidevops.cluster;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The path and decoded query parameters of a request URI, e.g. {@code /api/v1/pods?fieldSelector=a%3Db&limit=500}.
 *
 * @param path the path, without the query
 * @param parameters the parameters in their order, decoded
 */
record QueryString(String path, List<Map.Entry<String, String>> parameters) {

    QueryString {
        parameters = List.copyOf(parameters);
    }

    /** Splits a request URI into path and parameters. */
    static QueryString parse(String uri) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return new QueryString(uri, List.of());
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : uri.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.add(Map.entry(name, value));
        }
        return new QueryString(uri.substring(0, question), parameters);
    }

    /** The first value of a parameter. */
    Optional<String> get(String name) {
        return parameters.stream().filter(parameter -> parameter.getKey().equals(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** Whether a parameter is {@code true} (or {@code 1}, as the API server also accepts). */
    boolean isTrue(String name) {
        return get(name).map(value -> "true".equalsIgnoreCase(value) || "1".equals(value)).orElse(false);
    }

    /** These parameters with {@code name} set to {@code value}, or removed if {@code value} is empty. */
    QueryString with(String name, String value) {
        List<Map.Entry<String, String>> changed = parameters.stream()
                .filter(parameter -> !parameter.getKey().equals(name)).collect(Collectors.toList());
        if (!value.isEmpty()) {
            changed.add(Map.entry(name, value));
        }
        return new QueryString(path, changed);
    }

    /** The URI again, with parameters encoded. */
    String toUri() {
        if (parameters.isEmpty()) {
            return path;
        }
        return path + "?" + parameters.stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
