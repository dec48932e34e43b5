package io.aidevops.cluster;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;

/** A request the dispatcher sends to the CRUD store on behalf of a client's request. */
final class InternalRequest {

    private InternalRequest() {
    }

    /**
     * A request with the original's HTTP version.
     *
     * @param body the body, null for none
     * @param contentType the body's content type, ignored without a body
     */
    static RecordedRequest of(RecordedRequest original, HttpMethod method, String uri, String body,
            String contentType) {
        Headers.Builder headers = Headers.builder();
        if (body != null) {
            headers.add("Content-Type", contentType);
        }
        return new RecordedRequest(original.getHttpVersion(), method, uri, headers.build(),
                new Buffer(body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
