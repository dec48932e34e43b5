package io.aidevops.deploy.traffic;

import io.aidevops.deploy.ClusterFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aidevops.deploy.traffic.RouterFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayApiTrafficRouterTest {

    private static final RolloutTarget TARGET = ClusterFixture.TARGET;
    private ClusterFixture cluster;

    @BeforeEach
    void start() {
        cluster = ClusterFixture.start();
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 3);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 0);
        cluster.service("shop");
        cluster.service("shop-canary");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void setsBackendWeightsInEveryRuleToTheStableService() {
        RouterFixtures.create(cluster.client(), GenericObjects.HTTP_ROUTE, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: shop}
                spec:
                  parentRefs: [{name: public}]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /}}]
                    backendRefs:
                    - {name: shop, port: 80}
                  - matches: [{path: {type: PathPrefix, value: /static}}]
                    backendRefs:
                    - {name: cdn, port: 80}
                """);
        GatewayApiTrafficRouter router = new GatewayApiTrafficRouter(GatewayApiConfig.of("shop"));
        assertThat(router.check(cluster.client(), TARGET)).isEmpty();

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(30, 3));

        Map<String, Object> spec = spec();
        assertThat(at(spec, "rules", 0, "backendRefs")).isEqualTo(List.of(
                Map.of("name", "shop", "port", 80, "weight", 70),
                Map.of("name", "shop-canary", "port", 80, "weight", 30)));
        assertThat(at(spec, "rules", 1, "backendRefs")).isEqualTo(List.of(Map.of("name", "cdn", "port", 80)));
        assertThat(cluster.replicas("shop-canary")).isEqualTo(1);

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(0, 3));
        assertThat(at(spec(), "rules", 0, "backendRefs", 1, "weight")).isEqualTo(0);
        assertThat(at(spec(), "rules", 0, "backendRefs", 0, "weight")).isEqualTo(100);
        assertThat(cluster.replicas("shop-canary")).isZero();
    }

    @Test
    void checkNamesAMissingRouteOrBackend() {
        GatewayApiTrafficRouter router = new GatewayApiTrafficRouter(GatewayApiConfig.of("shop"));
        assertThat(router.check(cluster.client(), TARGET)).contains("HTTPRoute default/shop not found");

        RouterFixtures.create(cluster.client(), GenericObjects.HTTP_ROUTE, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: shop}
                spec:
                  rules:
                  - backendRefs: [{name: other, port: 80}]
                """);
        assertThat(router.check(cluster.client(), TARGET))
                .contains("HTTPRoute default/shop: no rule has a backendRef to Service 'shop'");
        assertThat(new GatewayApiTrafficRouter(new GatewayApiConfig("shop", null, "shop-preview"))
                .check(cluster.client(), TARGET)).contains("Service default/shop-preview not found");
    }

    private Map<String, Object> spec() {
        return GenericObjects.spec(cluster.client().genericKubernetesResources(GenericObjects.HTTP_ROUTE)
                .inNamespace(ClusterFixture.NAMESPACE).withName("shop").get());
    }
}
