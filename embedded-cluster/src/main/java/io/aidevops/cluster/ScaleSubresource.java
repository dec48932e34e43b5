package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code scale} subresource of Deployments, ReplicaSets and StatefulSets.
 *
 * <p>fabric8's CRUD dispatcher treats {@code .../scale} as the parent object itself: a {@code PUT} of a {@code Scale}
 * (what {@code client.apps().deployments().withName(n).scale(3)} sends) would replace the stored Deployment by the
 * Scale object and lose its pod template. This class translates scale reads into a {@code Scale} view of the parent
 * and scale writes into a JSON merge patch of the parent's {@code spec.replicas}, which is what a real API server does.
 */
final class ScaleSubresource {

    private static final Pattern SCALE_PATH =
            Pattern.compile("(/apis/[^/]+/[^/]+/namespaces/[^/]+/[^/]+/[^/?]+)/scale");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Dispatcher store;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** @param store the CRUD dispatcher holding the parent objects */
    ScaleSubresource(Dispatcher store) {
        this.store = store;
    }

    /**
     * Answers {@code request} if it addresses a scale subresource.
     *
     * @return the response, or empty if the request is not for a scale subresource
     */
    Optional<MockResponse> dispatch(RecordedRequest request, String pathWithoutQuery) {
        Matcher matcher = SCALE_PATH.matcher(pathWithoutQuery);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String parentPath = matcher.group(1);
        switch (request.method()) {
            case GET:
                return Optional.of(read(request, parentPath));
            case PUT:
            case PATCH:
                return Optional.of(write(request, parentPath));
            default:
                return Optional.of(new MockResponse().setResponseCode(HttpURLConnection.HTTP_BAD_METHOD));
        }
    }

    private MockResponse read(RecordedRequest request, String parentPath) {
        MockResponse parent = store.dispatch(forward(request, HttpMethod.GET, parentPath, null));
        if (parent.code() != HttpURLConnection.HTTP_OK) {
            return parent;
        }
        return scaleResponse(parent);
    }

    private MockResponse write(RecordedRequest request, String parentPath) {
        String body = request.getBody() == null ? "" : request.getBody().readUtf8();
        Optional<Integer> replicas = requestedReplicas(body, request.method());
        if (replicas.isEmpty()) {
            return new MockResponse().setResponseCode(422)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"message\":\"the scale request sets no spec.replicas\",\"code\":422}");
        }
        String patch = "{\"spec\":{\"replicas\":" + replicas.get() + "}}";
        MockResponse parent = store.dispatch(forward(request, HttpMethod.PATCH, parentPath, patch));
        if (parent.code() >= HttpURLConnection.HTTP_BAD_REQUEST) {
            return parent;
        }
        return scaleResponse(parent);
    }

    private Optional<Integer> requestedReplicas(String body, HttpMethod method) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        Object parsed = serialization.unmarshal(body, Object.class);
        if (method == HttpMethod.PATCH && parsed instanceof List) {
            // A JSON patch: [{"op":"replace","path":"/spec/replicas","value":3}]
            return ((List<?>) parsed).stream()
                    .filter(Map.class::isInstance)
                    .map(Map.class::cast)
                    .filter(operation -> "/spec/replicas".equals(operation.get("path")))
                    .map(operation -> operation.get("value"))
                    .filter(Number.class::isInstance)
                    .map(value -> ((Number) value).intValue())
                    .findFirst();
        }
        if (parsed instanceof Map) {
            // A Scale object (PUT) or a merge / strategic merge patch (PATCH): both carry spec.replicas.
            Object replicas = GenericKubernetesResource.get(castToMap(parsed), "spec", "replicas");
            return replicas instanceof Number ? Optional.of(((Number) replicas).intValue()) : Optional.empty();
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToMap(Object parsed) {
        return (Map<String, Object>) parsed;
    }

    private MockResponse scaleResponse(MockResponse parentResponse) {
        String json = new String(parentResponse.getBody().getBytes(), StandardCharsets.UTF_8);
        GenericKubernetesResource parent = serialization.unmarshal(json, GenericKubernetesResource.class);
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                .setBody(serialization.asJson(toScale(parent)));
    }

    private static Scale toScale(GenericKubernetesResource parent) {
        Number specReplicas = parent.get("spec", "replicas");
        Number statusReplicas = parent.get("status", "replicas");
        Map<String, Object> matchLabels = parent.get("spec", "selector", "matchLabels");
        String selector = matchLabels == null ? "" : new TreeMap<>(matchLabels).entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(","));
        return new ScaleBuilder()
                .withNewMetadata()
                .withName(parent.getMetadata().getName())
                .withNamespace(parent.getMetadata().getNamespace())
                .withUid(parent.getMetadata().getUid())
                .withResourceVersion(parent.getMetadata().getResourceVersion())
                .withCreationTimestamp(parent.getMetadata().getCreationTimestamp())
                .endMetadata()
                .withNewSpec().withReplicas(specReplicas == null ? 1 : specReplicas.intValue()).endSpec()
                .withNewStatus()
                .withReplicas(statusReplicas == null ? 0 : statusReplicas.intValue())
                .withSelector(selector)
                .endStatus()
                .build();
    }

    private static RecordedRequest forward(RecordedRequest original, HttpMethod method, String path, String body) {
        return InternalRequest.of(original, method, path, body, MERGE_PATCH);
    }
}
