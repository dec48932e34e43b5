package io.aidevops.controller.service;

/**
 * What a route answers: an HTTP status and a body that is written as JSON.
 *
 * @param status HTTP status code
 * @param body   any value Jackson can write (records keep their field order), or a {@link Raw} body
 */
public record ApiResponse(int status, Object body) {

    /**
     * The body of every error answer.
     *
     * @param status the HTTP status, repeated for clients that only see the body
     * @param error  what went wrong, in a sentence
     * @param path   the request path
     */
    public record Error(int status, String error, String path) {
    }

    /**
     * A body written as it is rather than as JSON, e.g. an HTML report or a JSON document rendered elsewhere.
     *
     * @param contentType its media type, e.g. {@code text/html; charset=utf-8}
     * @param text        the body
     */
    public record Raw(String contentType, String text) {
    }

    /** @return {@code status} with {@code text} sent as it is, of type {@code contentType} */
    public static ApiResponse raw(int status, String contentType, String text) {
        return new ApiResponse(status, new Raw(contentType, text));
    }

    /** @return 200 with {@code body} */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** @return an error answer with an {@link Error} body */
    public static ApiResponse error(int status, String message, String path) {
        return new ApiResponse(status, new Error(status, message, path));
    }
}
