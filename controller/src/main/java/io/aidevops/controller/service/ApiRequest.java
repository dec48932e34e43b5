package io.aidevops.controller.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a route sees of a request.
 *
 * @param method     HTTP method
 * @param path       the request path
 * @param query      query parameters, decoded (the first value of each)
 * @param pathParams the values of the route's {@code {name}} segments, decoded
 * @param body       the request body; empty for methods without one
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> pathParams,
        byte[] body) {

    /** Copies the maps. */
    public ApiRequest {
        query = Map.copyOf(query);
        pathParams = Map.copyOf(pathParams);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The query parameter {@code name}, if given and not blank. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    /** The value of the route's {@code {name}} segment. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no segment {" + name + "}");
        }
        return value;
    }
}
