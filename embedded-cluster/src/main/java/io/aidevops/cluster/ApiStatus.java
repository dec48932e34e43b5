package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Failure answers in the API server's own form, a {@code meta/v1 Status}: kubectl prints its message as
 * {@code Error from server (<reason>): <message>}, where a bare status code would only give it a generic text.
 */
final class ApiStatus {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ApiStatus() {
    }

    /**
     * A failure response.
     *
     * @param code the HTTP status code
     * @param reason the machine-readable reason, e.g. {@code UnsupportedMediaType}
     * @param message what went wrong, for people
     */
    static MockResponse failure(int code, String reason, String message) {
        Status status = new StatusBuilder()
                .withNewMetadata().endMetadata()
                .withStatus("Failure")
                .withMessage(message)
                .withReason(reason)
                .withCode(code)
                .build();
        return new MockResponse().setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(SERIALIZATION.asJson(status));
    }
}
