package io.aidevops.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.aidevops.controller.kube.ClusterTarget;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe against servers that answer the way broken or restricted clusters do, served over real HTTP on
 * loopback: a stand-in for the parts of the API server protocol the probe uses.
 */
class KubernetesProbeTest {
    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.4\"}";
    private static final String NAMESPACES = "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},"
            + "\"items\":[{\"metadata\":{\"name\":\"payments\"}},{\"metadata\":{\"name\":\"default\"}}]}";

    private HttpServer server;

    /** Serves {@code answers}: path -> (status, body). Anything else is 404. */
    private ClusterTarget.Configured serve(Map<String, Map.Entry<Integer, String>> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var answer = answers.getOrDefault(exchange.getRequestURI().getPath(), Map.entry(404,
                    "{\"kind\":\"Status\",\"code\":404}"));
            var body = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // From Config.empty(): nothing taken from this machine's environment (proxies, namespace variables).
        var config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestTimeout(5000).withConnectionTimeout(2000).withRequestRetryBackoffLimit(0).build();
        return new ClusterTarget.Configured(config, "test server");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aHealthyClusterReportsVersionAndSortedNamespaces() throws Exception {
        var status = KubernetesProbe.probe(serve(Map.of("/version", Map.entry(200, VERSION),
                "/api/v1/namespaces", Map.entry(200, NAMESPACES))));

        assertThat(status.health()).isEqualTo(Health.HEALTHY);
        assertThat(status.serverVersion()).isEqualTo("v1.31.4");
        assertThat(status.namespaces()).containsExactly("default", "payments");
    }

    @Test
    void anIdentityThatMayNotListNamespacesIsStillHealthy() throws Exception {
        var status = KubernetesProbe.probe(serve(Map.of("/version", Map.entry(200, VERSION),
                "/api/v1/namespaces", Map.entry(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}"))));

        assertThat(status.health()).isEqualTo(Health.HEALTHY);
        assertThat(status.namespaces()).isEmpty();
    }

    @Test
    void aServerWithoutVersionIsNotAKubernetesApiServer() throws Exception {
        var status = KubernetesProbe.probe(serve(Map.of()));

        assertThat(status.health()).isEqualTo(Health.DEGRADED);
        assertThat(status.problem()).contains("did not answer /version like a Kubernetes API server");
        assertThat(status.hint()).contains("server URL");
    }

    @Test
    void refusedCredentialsAreNamedWithTheirStatus() throws Exception {
        var status = KubernetesProbe.probe(serve(Map.of("/version", Map.entry(200, VERSION),
                "/api/v1/namespaces", Map.entry(401, "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}"))));

        assertThat(status.health()).isEqualTo(Health.DEGRADED);
        assertThat(status.problem()).startsWith("API server answered HTTP 401");
        assertThat(status.hint()).contains("credentials");
    }

    @Test
    void anUnavailableTargetIsDegradedWithItsHint() {
        var status = KubernetesProbe.probe(new ClusterTarget.Unavailable("no cluster configured", "try this"));

        assertThat(status.health()).isEqualTo(Health.DEGRADED);
        assertThat(status.problem()).isEqualTo("no cluster configured");
        assertThat(status.hint()).isEqualTo("try this");
        assertThat(status.namespaces()).isEqualTo(List.of());
    }
}
