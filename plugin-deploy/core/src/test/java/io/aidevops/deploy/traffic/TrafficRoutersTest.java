package io.aidevops.deploy.traffic;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficRoutersTest {

    @Test
    void buildsEachType() {
        assertThat(TrafficRouters.fromConfig(null)).isInstanceOf(ReplicaTrafficRouter.class);
        assertThat(TrafficRouters.fromConfig(Map.of("type", "replica")).name()).isEqualTo("replica");

        TrafficRouter istio = TrafficRouters.fromConfig(Map.of("type", "istio", "virtualService", "shop",
                "route", "primary"));
        assertThat(((IstioTrafficRouter) istio).config())
                .isEqualTo(new IstioConfig("shop", "primary", null, null, null, null));

        TrafficRouter gateway = TrafficRouters.fromConfig(Map.of("type", "gateway-api", "httpRoute", "shop"));
        assertThat(((GatewayApiTrafficRouter) gateway).config()).isEqualTo(GatewayApiConfig.of("shop"));

        TrafficRouter nginx = TrafficRouters.fromConfig(Map.of("type", "nginx", "ingress", "shop",
                "canaryService", "shop-next"));
        assertThat(((NginxIngressTrafficRouter) nginx).config())
                .isEqualTo(new NginxIngressConfig("shop", null, "shop-next", null));
    }

    @Test
    void explainsMistakes() {
        assertThatThrownBy(() -> TrafficRouters.fromConfig(Map.of("type", "istio", "virtualservice", "shop")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("router: unknown key 'virtualservice'; did you mean 'virtualService'? (for type istio)");
        assertThatThrownBy(() -> TrafficRouters.fromConfig(Map.of("type", "istio")))
                .hasMessage("router.virtualService is required for type istio");
        assertThatThrownBy(() -> TrafficRouters.fromConfig(Map.of("type", "isito")))
                .hasMessage("router.type: unknown type 'isito'; did you mean 'istio'?");
        assertThatThrownBy(() -> TrafficRouters.fromConfig(Map.of("virtualService", "shop")))
                .hasMessage("router.type is missing; expected one of replica, istio, gatewayApi, nginx");
        assertThatThrownBy(() -> TrafficRouters.fromConfig(Map.of("type", "istio", "virtualService", "shop",
                "stableSubset", "stable")))
                .hasMessage("router: name both stableSubset and canarySubset, or neither");
    }

    @Test
    void servicesDefaultFromTheTarget() {
        RolloutTarget target = RolloutTarget.conventional("default", "shop");
        assertThat(IstioConfig.of("vs").stableHost(target)).isEqualTo("shop");
        assertThat(IstioConfig.of("vs").canaryHost(target)).isEqualTo("shop-canary");
        assertThat(new IstioConfig("vs", null, null, null, "a", "b").canaryHost(target)).isEqualTo("shop");
        assertThat(NginxIngressConfig.of("web").canaryIngressName()).isEqualTo("web-canary");
        assertThat(target.stableDeployment()).isEqualTo("shop-stable");
        assertThat(target.canaryDeployment()).isEqualTo("shop-canary");
    }
}
