package io.aidevops.cluster;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, with a clear status, the writes the CRUD store would get wrong rather than fail:
 * <ul>
 *   <li>dry runs ({@code ?dryRun=All}, from {@code kubectl apply|create|delete --dry-run=server} and
 *   {@code kubectl diff}): the store ignores the parameter and carries the change out for real;</li>
 *   <li>patches of a type the server does not apply, above all server-side apply
 *   ({@code application/apply-patch+yaml}, from {@code kubectl apply --server-side}): the store has no field
 *   managers and would answer a confusing 404 or 500. A real API server answers an unknown patch type with 415 and
 *   the list of types it accepts, and so does this one.</li>
 * </ul>
 */
final class UnsupportedRequests {

    /** The patch types that are applied: JSON patch and merge patch by the store, strategic merge here. */
    static final List<String> PATCH_TYPES = List.of("application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json");

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private UnsupportedRequests() {
    }

    /**
     * A refusal of {@code request}, if it is one of the writes above.
     *
     * @return the refusal, or empty if the request may go on
     */
    static Optional<MockResponse> refusal(RecordedRequest request, QueryString uri) {
        if (WRITES.contains(request.method()) && uri.get("dryRun").isPresent()) {
            return Optional.of(ApiStatus.failure(HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest",
                    "the embedded API server cannot dry-run requests (its store would carry them out), so "
                            + "--dry-run=server and kubectl diff do not work here; use --dry-run=client"));
        }
        if (request.method() == HttpMethod.PATCH) {
            String contentType = mediaType(request.getHeader("Content-Type"));
            if (contentType.startsWith("application/apply-patch")) {
                return Optional.of(ApiStatus.failure(UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                        "the embedded API server does not support server-side apply (" + contentType + "); "
                                + "use client-side apply: kubectl apply without --server-side"));
            }
            if (!PATCH_TYPES.contains(contentType)) {
                return Optional.of(ApiStatus.failure(UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                        "the body of the request was in an unknown format (" + contentType
                                + ") - accepted media types include: " + String.join(", ", PATCH_TYPES)));
            }
        }
        return Optional.empty();
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase();
    }
}
