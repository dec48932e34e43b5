package io.aidevops.deploy.traffic;

import io.aidevops.deploy.ClusterFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aidevops.deploy.traffic.RouterFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IstioTrafficRouterTest {

    private static final RolloutTarget TARGET = ClusterFixture.TARGET;
    private ClusterFixture cluster;

    @BeforeEach
    void start() {
        cluster = ClusterFixture.start();
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 4);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 0);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void setsWeightsOnTheNamedRouteAndAddsTheCanaryDestination() {
        RouterFixtures.create(cluster.client(), GenericObjects.VIRTUAL_SERVICE, """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop}
                spec:
                  hosts: [shop.example.com]
                  http:
                  - name: primary
                    route:
                    - destination: {host: shop, port: {number: 80}}
                      weight: 100
                  - name: admin
                    route:
                    - destination: {host: shop-admin}
                """);
        IstioTrafficRouter router = new IstioTrafficRouter(new IstioConfig("shop", "primary", null, null, null,
                null));

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(20, 4));

        Map<String, Object> spec = spec("shop");
        assertThat(at(spec, "http", 0, "route")).isEqualTo(List.of(
                Map.of("destination", Map.of("host", "shop", "port", Map.of("number", 80)), "weight", 80),
                Map.of("destination", Map.of("host", "shop-canary", "port", Map.of("number", 80)), "weight", 20)));
        assertThat(at(spec, "http", 1, "route", 0)).isEqualTo(Map.of("destination", Map.of("host", "shop-admin")));
        assertThat(cluster.replicas("shop-canary")).isEqualTo(1);
        assertThat(cluster.replicas("shop-stable")).isEqualTo(4);

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(50, 4));
        assertThat(at(spec("shop"), "http", 0, "route", 0, "weight")).isEqualTo(50);
        assertThat(at(spec("shop"), "http", 0, "route", 1, "weight")).isEqualTo(50);
        assertThat(cluster.replicas("shop-canary")).isEqualTo(2);

        router.reset(cluster.client(), TARGET);
        assertThat(at(spec("shop"), "http", 0, "route", 0, "weight")).isEqualTo(100);
        assertThat(at(spec("shop"), "http", 0, "route", 1, "weight")).isEqualTo(0);
        assertThat(cluster.replicas("shop-canary")).isZero();
    }

    @Test
    void splitsBySubsetWithFullyQualifiedHosts() {
        RouterFixtures.create(cluster.client(), GenericObjects.VIRTUAL_SERVICE, """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop}
                spec:
                  hosts: [shop]
                  http:
                  - route:
                    - destination: {host: shop.default.svc.cluster.local, subset: stable}
                      weight: 100
                    - destination: {host: shop.default.svc.cluster.local, subset: canary}
                      weight: 0
                """);
        IstioTrafficRouter router = new IstioTrafficRouter(new IstioConfig("shop", null, null, null, "stable",
                "canary"));

        assertThat(router.check(cluster.client(), TARGET)).isEmpty();
        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(10, 4));

        Map<String, Object> spec = spec("shop");
        assertThat(at(spec, "http", 0, "route", 0, "weight")).isEqualTo(90);
        assertThat(at(spec, "http", 0, "route", 1, "weight")).isEqualTo(10);
        assertThat(at(spec, "http", 0, "route", 1, "destination", "subset")).isEqualTo("canary");
    }

    @Test
    void checkNamesWhatIsMissing() {
        IstioTrafficRouter router = new IstioTrafficRouter(IstioConfig.of("shop"));
        assertThat(router.check(cluster.client(), TARGET)).contains("VirtualService default/shop not found");

        RouterFixtures.create(cluster.client(), GenericObjects.VIRTUAL_SERVICE, """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop}
                spec:
                  http:
                  - name: primary
                    route:
                    - destination: {host: other}
                """);
        assertThat(router.check(cluster.client(), TARGET))
                .contains("VirtualService default/shop: no HTTP route sends to host 'shop'");
        assertThat(new IstioTrafficRouter(new IstioConfig("shop", "main", null, null, null, null))
                .check(cluster.client(), TARGET))
                .contains("VirtualService default/shop: no HTTP route named 'main'; its HTTP routes are [primary]");
    }

    @Test
    void refusesRoutesWithForeignDestinations() {
        RouterFixtures.create(cluster.client(), GenericObjects.VIRTUAL_SERVICE, """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop}
                spec:
                  http:
                  - name: primary
                    route:
                    - destination: {host: shop}
                      weight: 90
                    - destination: {host: legacy}
                      weight: 10
                """);
        IstioTrafficRouter router = new IstioTrafficRouter(IstioConfig.of("shop"));

        assertThatThrownBy(() -> router.apply(cluster.client(), TARGET, TrafficWeights.layer7(20, 4)))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessageContaining("HTTP route 'primary' also sends to {host=legacy}");
    }

    private Map<String, Object> spec(String name) {
        GenericKubernetesResource resource = cluster.client().genericKubernetesResources(GenericObjects.VIRTUAL_SERVICE)
                .inNamespace(ClusterFixture.NAMESPACE).withName(name).get();
        return GenericObjects.spec(resource);
    }
}
