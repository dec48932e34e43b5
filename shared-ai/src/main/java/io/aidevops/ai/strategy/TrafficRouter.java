package io.aidevops.ai.strategy;

/** What splits traffic between the versions. */
public enum TrafficRouter {
    /** Istio VirtualService weights. */
    ISTIO("istio"),
    /** Gateway API HTTPRoute backend weights. */
    GATEWAY_API("gateway-api"),
    /** ingress-nginx canary annotations. */
    NGINX("nginx"),
    /** No layer-7 router: one Service over the pods of both versions, so weight follows replica counts. */
    NONE("none");

    private final String label;

    TrafficRouter(String label) {
        this.label = label;
    }

    /** The name used in reason texts, e.g. {@code gateway-api}. */
    public String label() {
        return label;
    }

    /** Whether this router sets weights per request, independent of replica counts. */
    public boolean routesByRequest() {
        return this != NONE;
    }
}
