package io.aidevops.deploy.traffic;

import io.aidevops.deploy.ClusterFixture;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NginxIngressTrafficRouterTest {

    private static final RolloutTarget TARGET = ClusterFixture.TARGET;
    private ClusterFixture cluster;
    private final NginxIngressTrafficRouter router = new NginxIngressTrafficRouter(NginxIngressConfig.of("shop"));

    @BeforeEach
    void start() {
        cluster = ClusterFixture.start();
        cluster.deploy(Track.STABLE, "registry.local/app:1.0", 2);
        cluster.deploy(Track.CANARY, "registry.local/app:2.0", 0);
        cluster.service("shop");
        cluster.service("shop-canary");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void createsAndUpdatesACanaryIngressAndDeletesItOnReset() {
        createPrimary();
        assertThat(router.check(cluster.client(), TARGET)).isEmpty();

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(20, 2));

        Ingress canary = ingress("shop-canary");
        assertThat(canary.getMetadata().getAnnotations())
                .containsEntry(NginxIngressTrafficRouter.CANARY, "true")
                .containsEntry(NginxIngressTrafficRouter.CANARY_WEIGHT, "20")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "8m")
                .doesNotContainKey("kubectl.kubernetes.io/last-applied-configuration");
        assertThat(canary.getMetadata().getLabels()).containsEntry(NginxIngressTrafficRouter.CANARY_OF, "shop");
        assertThat(canary.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(canary.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("shop.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getBackend().getService().getName()).isEqualTo("shop-canary");
                assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
            });
        });
        assertThat(canary.getSpec().getTls()).isNullOrEmpty();
        assertThat(ingress("shop").getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getName()).as("the primary is left alone").isEqualTo("shop");
        assertThat(cluster.replicas("shop-canary")).isEqualTo(1);

        router.apply(cluster.client(), TARGET, TrafficWeights.layer7(0, 2));
        assertThat(ingress("shop-canary").getMetadata().getAnnotations())
                .containsEntry(NginxIngressTrafficRouter.CANARY_WEIGHT, "0");

        router.reset(cluster.client(), TARGET);
        assertThat(ingress("shop-canary")).isNull();
        assertThat(ingress("shop")).isNotNull();
        assertThat(cluster.replicas("shop-canary")).isZero();
    }

    @Test
    void checkAndApplyNameTheMissingPrimary() {
        assertThat(router.check(cluster.client(), TARGET)).contains("Ingress default/shop not found");
        assertThatThrownBy(() -> router.apply(cluster.client(), TARGET, TrafficWeights.layer7(20, 2)))
                .isInstanceOf(TrafficRoutingException.class).hasMessage("Ingress default/shop not found");
    }

    @Test
    void refusesAPrimaryWithoutAPathToTheStableService() {
        cluster.client().network().v1().ingresses().inNamespace(ClusterFixture.NAMESPACE).resource(
                new IngressBuilder().withNewMetadata().withName("shop").endMetadata().withNewSpec()
                        .addNewRule().withHost("x").withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                        .withNewBackend().withNewService().withName("elsewhere").withNewPort().withNumber(80)
                        .endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build())
                .create();
        assertThat(router.check(cluster.client(), TARGET))
                .contains("Ingress default/shop has no path to Service 'shop'");
    }

    private void createPrimary() {
        cluster.client().network().v1().ingresses().inNamespace(ClusterFixture.NAMESPACE).resource(
                new IngressBuilder()
                        .withNewMetadata().withName("shop")
                        .addToAnnotations("nginx.ingress.kubernetes.io/proxy-body-size", "8m")
                        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}")
                        .endMetadata()
                        .withNewSpec().withIngressClassName("nginx")
                        .addNewTl().withHosts("shop.example.com").withSecretName("shop-tls").endTl()
                        .addNewRule().withHost("shop.example.com").withNewHttp()
                        .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
                        .withName("shop").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                        .addNewPath().withPath("/docs").withPathType("Prefix").withNewBackend().withNewService()
                        .withName("docs").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                        .endHttp().endRule()
                        .endSpec().build())
                .create();
    }

    private Ingress ingress(String name) {
        return cluster.client().network().v1().ingresses().inNamespace(ClusterFixture.NAMESPACE).withName(name).get();
    }
}
