package io.aidevops.controller.service;

import java.util.Map;

/**
 * What a route answers: an HTTP status and a body that is written as JSON.
 *
 * @param status HTTP status code
 * @param body   any value Jackson can write (records, maps, lists)
 */
public record ApiResponse(int status, Object body) {

    /** @return 200 with {@code body} */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** @return an error answer whose body is {@code {"status": N, "error": "...", "path": "..."}} */
    public static ApiResponse error(int status, String message, String path) {
        return new ApiResponse(status, Map.of("status", status, "error", message, "path", path));
    }
}
