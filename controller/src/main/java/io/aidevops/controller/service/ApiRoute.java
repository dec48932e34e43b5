package io.aidevops.controller.service;

import java.util.function.Supplier;

/**
 * One endpoint of the REST API.
 *
 * @param method  HTTP method, e.g. {@code GET}
 * @param path    exact path, e.g. {@code /api/v1/health}
 * @param handler computes the answer; runs on the service's worker threads
 */
public record ApiRoute(String method, String path, Supplier<ApiResponse> handler) {
}
