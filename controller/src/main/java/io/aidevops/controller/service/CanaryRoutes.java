package io.aidevops.controller.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.aidevops.deploy.rollout.EvidenceReport;
import io.aidevops.deploy.rollout.RolloutState;
import io.aidevops.deploy.rollout.RolloutStore;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The canary rollouts stored in the cluster: {@code GET /api/v1/canaries?namespace=NS} lists them (all namespaces
 * without the parameter), {@code GET /api/v1/canaries/{namespace}/{deployment}} answers the full stored state (the
 * JSON of {@code aidevops canary status --format json}) and {@code .../report} the HTML report. Without a reachable
 * cluster the answer is 503 with the reason.
 */
public final class CanaryRoutes {

    private static final String BASE = "/api/v1/canaries";

    private final ClusterAccess cluster;

    /**
     * One rollout in the list.
     *
     * @param namespace     the Deployment's namespace
     * @param deployment    the Deployment
     * @param phase         where the rollout is
     * @param image         the new image
     * @param previousImage the stable image before the rollout (null until known)
     * @param message       the latest status line
     * @param outcome       why it ended as it did (empty while it runs)
     * @param looks         how many looks the judge took
     * @param attempt       1, one more per retry
     * @param createdAt     when it started
     * @param updatedAt     when it last changed
     */
    public record Summary(String namespace, String deployment, String phase, String image, String previousImage,
            String message, String outcome, int looks, int attempt, Instant createdAt, Instant updatedAt) {

        static Summary of(RolloutState state) {
            return new Summary(state.spec().namespace(), state.spec().deployment(), state.phase().name(),
                    state.spec().image(), state.previousImage(), state.message(), state.outcome(),
                    state.looks().size(), state.attempt(), state.createdAt(), state.updatedAt());
        }
    }

    /**
     * The answer of the list.
     *
     * @param namespace the namespace asked for; null for all
     * @param rollouts  newest first
     */
    public record Listing(String namespace, List<Summary> rollouts) {
    }

    /** @param cluster where the rollouts are read from */
    /** Requests talking to the cluster at once; fewer than the service's workers. */
    private final java.util.concurrent.Semaphore clusterCalls = new java.util.concurrent.Semaphore(4);

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public CanaryRoutes(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** The routes, to add to a {@link ControllerService}. */
    public List<ApiRoute> all() {
        return List.of(new ApiRoute("GET", BASE, this::list),
                new ApiRoute("GET", BASE + "/{namespace}/{deployment}", request -> one(request,
                        state -> ApiResponse.raw(200, "application/json; charset=utf-8", EvidenceReport.json(state)))),
                new ApiRoute("GET", BASE + "/{namespace}/{deployment}/report", request -> one(request,
                        state -> ApiResponse.raw(200, "text/html; charset=utf-8", EvidenceReport.html(state)))));
    }

    private ApiResponse list(ApiRequest request) {
        Optional<String> namespace = request.query("namespace");
        if (namespace.isPresent() && !NAME.matcher(namespace.get()).matches()) {
            return badName("namespace", namespace.get(), request);
        }
        return withCluster(request, store -> ApiResponse.ok(new Listing(namespace.orElse(null),
                store.list(namespace.orElse(null)).stream().map(Summary::of).toList())));
    }

    private ApiResponse one(ApiRequest request, Function<RolloutState, ApiResponse> render) {
        String namespace = request.pathParam("namespace");
        String deployment = request.pathParam("deployment");
        // Names go into Kubernetes API paths: only what Kubernetes itself allows may pass.
        if (!NAME.matcher(namespace).matches() || namespace.length() > 63) {
            return badName("namespace", namespace, request);
        }
        if (!NAME.matcher(deployment).matches() || deployment.length() > 253 - "-aidevops-canary".length()) {
            return badName("deployment", deployment, request);
        }
        return withCluster(request, store -> store.load(namespace, deployment)
                .map(stored -> render.apply(stored.state()))
                .orElseGet(() -> ApiResponse.error(404, "no canary rollout of " + namespace + "/" + deployment,
                        request.path())));
    }

    private static ApiResponse badName(String what, String value, ApiRequest request) {
        return ApiResponse.error(400, what + " '" + value + "' is not a Kubernetes name (lower-case letters, digits "
                + "and '-')", request.path());
    }

    private ApiResponse withCluster(ApiRequest request, Function<RolloutStore, ApiResponse> action) {
        // A cluster that answers slowly must not take every worker of the service: /health stays answerable.
        boolean admitted;
        try {
            admitted = clusterCalls.tryAcquire(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            return ApiResponse.error(503, "too many requests are waiting for the Kubernetes API; try again",
                    request.path());
        }
        try {
            return action.apply(new RolloutStore(cluster.client()));
        } catch (ClusterAccess.Unavailable e) {
            return ApiResponse.error(503, e.getMessage(), request.path());
        } catch (KubernetesClientException e) {
            String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                    : e.getMessage();
            // No HTTP code means no answer at all (refused, timed out); a code is the API server's own refusal.
            return e.getCode() > 0
                    ? ApiResponse.error(502, "the Kubernetes API refused: " + detail, request.path())
                    : ApiResponse.error(503, "the Kubernetes API did not answer: " + detail, request.path());
        } finally {
            clusterCalls.release();
        }
    }
}
