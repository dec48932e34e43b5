package io.aidevops.cluster;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;

/**
 * Requests with a protobuf body ({@code Content-Type: application/vnd.kubernetes.protobuf}), which fabric8's CRUD
 * store cannot parse: it reads every body as YAML and fails, and its exception used to leave kubectl waiting forever.
 *
 * <p>kubectl 1.32 sends protobuf from its typed clients: {@code kubectl create deployment|namespace|configmap|
 * secret|service|serviceaccount} are {@code POST}s of a protobuf object. Those are decoded ({@link ProtobufObjects})
 * and handed to the store as JSON; the store answers JSON, which kubectl accepts as well (it asks for
 * {@code application/vnd.kubernetes.protobuf,application/json}). Anything else with a protobuf body is refused with
 * a 415 that says what to do instead.
 */
final class ProtobufRequests {

    private static final String JSON = "application/json";
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final Dispatcher store;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** @param store the CRUD store that takes the decoded objects */
    ProtobufRequests(Dispatcher store) {
        this.store = store;
    }

    /**
     * Answers {@code request} if its body is protobuf.
     *
     * @return the response, or empty if the request has no protobuf body
     */
    Optional<MockResponse> dispatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith(ProtobufObjects.MEDIA_TYPE)) {
            return Optional.empty();
        }
        if (request.method() != HttpMethod.POST) {
            return Optional.of(ApiStatus.failure(UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "the embedded API server reads protobuf bodies only when objects are created (POST), not in a "
                            + request.method() + "; send JSON instead"));
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        Map<String, Object> object;
        try {
            object = ProtobufObjects.decode(body);
        } catch (ProtobufObjects.UnsupportedObjectException e) {
            return Optional.of(ApiStatus.failure(UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "the embedded API server cannot read this protobuf body (" + e.getMessage() + "); kubectl "
                            + "sends manifests as JSON, so kubectl apply -f works for every kind the server lists"));
        } catch (IllegalArgumentException e) {
            return Optional.of(ApiStatus.failure(HttpURLConnection.HTTP_BAD_REQUEST, "BadRequest",
                    "the request body is not a valid Kubernetes protobuf object: " + e.getMessage()));
        }
        return Optional.of(store.dispatch(InternalRequest.of(request, HttpMethod.POST, request.getPath(),
                serialization.asJson(object), JSON)));
    }
}
