package io.aidevops.cluster;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes the embedded API server's requests, filling the gaps between fabric8's {@link KubernetesCrudDispatcher}
 * and what kubectl expects of an API server:
 * <ul>
 *   <li>discovery and health endpoints ({@link ApiDiscovery}) and OpenAPI ({@link OpenApiDocuments});</li>
 *   <li>a clear refusal of dry runs and of server-side apply, which the store would mishandle
 *   ({@link UnsupportedRequests});</li>
 *   <li>protobuf request bodies, which kubectl's {@code create} subcommands send ({@link ProtobufRequests});</li>
 *   <li>the store's answer to creating an object that exists ({@link AlreadyExists});</li>
 *   <li>the {@code scale} subresource ({@link ScaleSubresource});</li>
 *   <li>strategic merge patches ({@link StrategicMergePatch}), applied here and stored with a {@code PUT};</li>
 *   <li>field selectors on fields other than name and namespace ({@link FieldSelection});</li>
 *   <li>the kind of list responses ({@link ListKinds});</li>
 *   <li>server-side printing of tables ({@link ServerSideTable});</li>
 *   <li>a clear refusal of HTTP-streaming watches, which the store cannot serve (it streams over WebSocket).</li>
 * </ul>
 * Everything else goes to the CRUD store unchanged. Whatever fails on the way is answered with a 500
 * {@code Status}: an exception escaping a dispatcher leaves MockWebServer's connection without any answer, and the
 * client (kubectl has no default timeout) waits forever.
 *
 * <p>fabric8's {@code KubernetesMixedDispatcher} combines fixed responses with CRUD too, but it matches fixed
 * responses by exact path including the query string (kubectl asks for {@code /api?timeout=32s}) and cannot look at
 * headers or bodies, which the items above need.
 */
final class ApiServerDispatcher extends Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServerDispatcher.class);
    private static final Set<String> HEALTH_PATHS = Set.of("/healthz", "/livez", "/readyz");
    private static final String JSON = "application/json";
    private static final String FIELD_SELECTOR = "fieldSelector";

    private final ApiDiscovery discovery;
    private final Dispatcher store;
    private final ScaleSubresource scale;
    private final ProtobufRequests protobuf;
    private final ServerSideTable tables;
    private final ListKinds listKinds = new ListKinds(ServedResource.catalogue());
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /**
     * @param discovery the discovery documents
     * @param store the CRUD store answering everything else
     * @param tables renders the tables kubectl asks for
     */
    ApiServerDispatcher(ApiDiscovery discovery, Dispatcher store, ServerSideTable tables) {
        this.discovery = discovery;
        this.store = store;
        this.scale = new ScaleSubresource(store);
        this.protobuf = new ProtobufRequests(store);
        this.tables = tables;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            QueryString uri = QueryString.parse(request.getPath());
            MockResponse response = fixedResponse(request, uri.path())
                    .or(() -> refuseStreamingWatch(request, uri))
                    .or(() -> UnsupportedRequests.refusal(request, uri))
                    .or(() -> protobuf.dispatch(request))
                    .or(() -> scale.dispatch(request, uri.path()))
                    .or(() -> strategicMerge(request, uri))
                    .orElseGet(() -> read(request, uri));
            if (request.method() == HttpMethod.POST) {
                response = AlreadyExists.corrected(uri.path(), response);
            }
            return withContentType(response);
        } catch (RuntimeException e) {
            // One line for the operator (the client gets the same text); the stack trace for whoever debugs. Control
            // characters go: parser messages quote the bad input, NUL bytes included.
            String failure = e.toString().replaceAll("\\p{Cntrl}+", " ");
            LOG.warn("The embedded API server failed to answer {} {}: {}", request.method(), request.getPath(),
                    failure);
            LOG.debug("The embedded API server failed to answer {} {}", request.method(), request.getPath(), e);
            return ApiStatus.failure(HttpURLConnection.HTTP_INTERNAL_ERROR, "InternalError",
                    "the embedded API server failed to answer " + request.method() + " " + request.getPath() + ": "
                            + failure);
        }
    }

    private Optional<MockResponse> fixedResponse(RecordedRequest request, String path) {
        if (request.method() != HttpMethod.GET) {
            return Optional.empty();
        }
        if (HEALTH_PATHS.contains(path)) {
            return Optional.of(new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                    .setHeader("Content-Type", "text/plain; charset=utf-8").setBody("ok"));
        }
        return OpenApiDocuments.answer(path, request.getHeader("Accept"))
                .or(() -> discovery.document(path)
                        .map(body -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(body)));
    }

    private Optional<MockResponse> refuseStreamingWatch(RecordedRequest request, QueryString uri) {
        if (request.method() != HttpMethod.GET || !uri.isTrue("watch")
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            return Optional.empty();
        }
        return Optional.of(ApiStatus.failure(HttpURLConnection.HTTP_BAD_METHOD, "MethodNotAllowed",
                "the embedded API server serves watches over WebSocket only (as fabric8 clients use them), not as "
                        + "an HTTP stream (as kubectl and client-go do); list instead of watching"));
    }

    private Optional<MockResponse> strategicMerge(RecordedRequest request, QueryString uri) {
        String contentType = request.getHeader("Content-Type");
        if (request.method() != HttpMethod.PATCH || contentType == null
                || !contentType.contains("strategic-merge-patch")) {
            return Optional.empty();
        }
        String patch = request.getBody() == null ? "{}" : request.getBody().readUtf8();
        MockResponse current = store.dispatch(forward(request, HttpMethod.GET, uri.path(), null));
        if (current.code() != HttpURLConnection.HTTP_OK) {
            return Optional.of(current);
        }
        Object patched = StrategicMergePatch.apply(serialization.unmarshal(bodyOf(current), Object.class),
                serialization.unmarshal(patch, Object.class));
        return Optional.of(store.dispatch(forward(request, HttpMethod.PUT, uri.path(),
                serialization.asJson(patched))));
    }

    private MockResponse read(RecordedRequest request, QueryString uri) {
        if (request.method() != HttpMethod.GET) {
            return store.dispatch(request);
        }
        List<String> forStore = new ArrayList<>();
        FieldSelection selection = FieldSelection.split(uri.get(FIELD_SELECTOR).orElse(""), forStore);
        MockResponse response = selection.isEmpty()
                ? store.dispatch(request)
                : filtered(store.dispatch(forward(request, HttpMethod.GET,
                        uri.with(FIELD_SELECTOR, String.join(",", forStore)).toUri(), null)), selection);
        if (response.code() == HttpURLConnection.HTTP_OK && response.getWebSocketListener() == null
                && response.getBody() != null) {
            response.setBody(listKinds.correct(uri.path(), bodyOf(response)));
        }
        return asTableIfRequested(request, uri, response);
    }

    private MockResponse filtered(MockResponse listed, FieldSelection selection) {
        if (listed.code() != HttpURLConnection.HTTP_OK || listed.getBody() == null) {
            return listed;
        }
        Map<?, ?> list = serialization.unmarshal(bodyOf(listed), Map.class);
        if (!(list.get("items") instanceof List)) {
            return listed;
        }
        Map<Object, Object> result = new LinkedHashMap<>(list);
        result.put("items", ((List<?>) list.get("items")).stream()
                .filter(item -> item instanceof Map && selection.matches((Map<?, ?>) item))
                .collect(Collectors.toList()));
        return listed.setBody(serialization.asJson(result));
    }

    private MockResponse asTableIfRequested(RecordedRequest request, QueryString uri, MockResponse response) {
        if (request.method() != HttpMethod.GET || response.code() != HttpURLConnection.HTTP_OK
                || response.getWebSocketListener() != null || response.getBody() == null
                || !ServerSideTable.isRequested(request.getHeader("Accept"))) {
            return response;
        }
        boolean fullObjects = "Object".equals(uri.get("includeObject").orElse("Metadata"));
        return tables.render(bodyOf(response), fullObjects)
                .map(table -> response.setBody(table))
                .orElse(response);
    }

    private static MockResponse withContentType(MockResponse response) {
        // The CRUD store sets no content type; client-go then guesses, other clients may not.
        if (response.getWebSocketListener() == null && response.getBody() != null && response.getBody().size() > 0
                && response.header("Content-Type") == null) {
            response.setHeader("Content-Type", JSON);
        }
        return response;
    }

    private static String bodyOf(MockResponse response) {
        return new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    private static RecordedRequest forward(RecordedRequest original, HttpMethod method, String uri, String body) {
        return InternalRequest.of(original, method, uri, body, JSON);
    }
}
