package io.aidevops.controller.service;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One endpoint of the REST API.
 *
 * @param method  HTTP method, e.g. {@code GET}
 * @param path    the path, e.g. {@code /api/v1/health}; a segment in braces matches any one segment and is passed to
 *                the handler by its name, e.g. {@code /api/v1/canaries/{namespace}/{deployment}}
 * @param handler computes the answer; runs on the service's worker threads
 */
public record ApiRoute(String method, String path, Function<ApiRequest, ApiResponse> handler) {

    /** A route whose answer does not depend on the request. */
    public static ApiRoute of(String method, String path, Supplier<ApiResponse> handler) {
        return new ApiRoute(method, path, request -> handler.get());
    }
}
