package io.aidevops.controller.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.aidevops.controller.status.Health;
import io.aidevops.controller.status.KubernetesStatus;
import io.aidevops.controller.status.StatusReport;
import io.aidevops.controller.testing.RolloutFixtures;
import io.aidevops.deploy.rollout.EvidenceReport;
import io.aidevops.deploy.rollout.RolloutState;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The judge, advise and canaries endpoints on a real service on a loopback port, canaries on the embedded cluster. */
class ApiRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    private static EmbeddedCluster cluster;
    private static ControllerService service;
    private static ControllerService withoutCluster;
    private static RolloutState web;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(SimulatedClock.startingAt(NOW)));
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                .build()).create();
        web = RolloutFixtures.startedRollout(client, "default", "web", "registry.local/web:1.1", NOW);
        RolloutFixtures.rolledBack(client, "shop", "cart", 2, NOW.plusSeconds(60));
        service = service(() -> cluster.client());
        withoutCluster = service(() -> {
            throw new ClusterAccess.Unavailable("no cluster: no kubeconfig found; run 'aidevops cluster start "
                    + "--embedded' or set KUBECONFIG");
        });
    }

    private static ControllerService service(ClusterAccess access) throws Exception {
        var created = new ControllerService("127.0.0.1", 0, url -> new StatusReport(Health.HEALTHY, "test",
                "defaults", "0", "17", "os", new KubernetesStatus(Health.HEALTHY, "test", "v1", List.of(), null,
                null), List.of()), Clock.systemUTC());
        AnalysisRoutes.all().forEach(created::add);
        new CanaryRoutes(access).all().forEach(created::add);
        created.start();
        return created;
    }

    @AfterAll
    static void stop() {
        service.close();
        withoutCluster.close();
        cluster.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).method(method, body)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        return JSON.readTree(response.body());
    }

    @Test
    void judgesOneRequest() throws Exception {
        var response = send("POST", "/api/v1/judge", "{\"metrics\":[{\"name\":\"latency\",\"kind\":\"latency\","
                + "\"baseline\":" + series(40, 100) + ",\"canary\":" + series(40, 160) + "}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = json(response);
        assertThat(verdict.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(verdict.get("judge").asText()).isNotBlank();
        assertThat(verdict.at("/metrics/0/classification").asText()).isEqualTo("HIGH");
        assertThat(verdict.at("/metrics/0/baseline/count").asInt()).isEqualTo(40);

        var kayenta = send("POST", "/api/v1/judge?judge=kayenta", "{\"metrics\":[{\"name\":\"latency\","
                + "\"baseline\":" + series(40, 100) + ",\"canary\":" + series(40, 100) + "}]}");
        assertThat(kayenta.statusCode()).isEqualTo(200);
        assertThat(json(kayenta).get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void aBadJudgeRequestIsA400NamingTheField() throws Exception {
        var response = send("POST", "/api/v1/judge", "{\"metrics\":[{\"name\":\"latency\",\"baseline\":[],"
                + "\"canary\":[1,2]}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"status\":400,\"error\":\"metrics[0].baseline is empty\","
                + "\"path\":\"/api/v1/judge\"}");

        var notJson = send("POST", "/api/v1/judge", "{\"metrics\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error").asText()).startsWith("the body is not valid JSON");

        var empty = send("POST", "/api/v1/judge", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("error").asText()).isEqualTo("the body is empty; expected a JSON object");

        var wrongJudge = send("POST", "/api/v1/judge?judge=mine", "{}");
        assertThat(json(wrongJudge).get("error").asText()).isEqualTo("judge is \"mine\"; allowed: aidevops, kayenta");
    }

    @Test
    void aBodyOverTenMebibytesIsA413() throws Exception {
        byte[] large = new byte[ControllerService.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(large, (byte) ' ');

        var response = send("POST", "/api/v1/judge", HttpRequest.BodyPublishers.ofByteArray(large));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).isEqualTo("the body is larger than 10 MiB");
        assertThat(json(response).get("path").asText()).isEqualTo("/api/v1/judge");

        // The connection stays usable: the service read the rest of the body before answering.
        assertThat(send("GET", "/api/v1/health", (String) null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        var getJudge = send("GET", "/api/v1/judge", (String) null);
        assertThat(getJudge.statusCode()).isEqualTo(405);
        assertThat(getJudge.headers().firstValue("Allow")).contains("POST");
        assertThat(json(getJudge).get("error").asText()).isEqualTo("method GET not allowed; allowed: POST");

        var postCanaries = send("POST", "/api/v1/canaries/default/web", "{}");
        assertThat(postCanaries.statusCode()).isEqualTo(405);
        assertThat(postCanaries.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void advisesAStrategy() throws Exception {
        var response = send("POST", "/api/v1/advise/strategy", "{\"replicas\": 6, \"rps\": 40, \"criticality\": "
                + "\"high\", \"hpa\": {\"min\": 6, \"max\": 12}, \"history\": \"20:5\", \"spare_pods\": 2}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.get("strategy").asText()).isEqualTo("canary");
        assertThat(view.get("scores")).hasSize(4);
        assertThat(view.get("reasons").toString()).contains("5 of the last 20 rollouts were rolled back",
                "HPA min 6 max 12");
        assertThat(view.get("planFile").asText()).contains("steps:", "setWeight");
    }

    @Test
    void aBadStrategyRequestIsA400NamingTheField() throws Exception {
        assertThat(json(send("POST", "/api/v1/advise/strategy", "{\"replicas\": \"six\", \"rps\": 3}"))
                .get("error").asText()).isEqualTo("replicas is \"six\"; expected a whole number");
        assertThat(json(send("POST", "/api/v1/advise/strategy", "{\"replicas\": 3}")).get("error").asText())
                .isEqualTo("rps is missing; expected a number");
        assertThat(json(send("POST", "/api/v1/advise/strategy", "{\"replicas\": 3, \"rps\": 1, \"router\": "
                + "\"envoy\"}")).get("error").asText())
                .isEqualTo("router is \"envoy\"; allowed: istio, gateway-api, nginx, none");
        assertThat(json(send("POST", "/api/v1/advise/strategy", "{\"replicas\": 3, \"rps\": 1, \"hpa\": "
                + "{\"min\": 0, \"max\": 3}}")).get("error").asText())
                .isEqualTo("hpa 0:3: minReplicas must be at least 1, but was 0");
        var unknown = send("POST", "/api/v1/advise/strategy", "{\"replicas\": 3, \"rps\": 1, \"spare\": 2}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).startsWith("unknown field spare; known: replicas, rps");
    }

    @Test
    void advisesResourcesAndNamesABadSample() throws Exception {
        String pod = "{\"pod\": \"web-1\", \"cpu\": " + series(60, 0.3) + ", \"memory\": " + series(60, 2e8) + "}";
        var response = send("POST", "/api/v1/advise/resources", "{\"interval\": \"15s\", \"replicas\": 2, "
                + "\"current\": {\"cpu_request\": \"1\", \"memory_request\": \"512Mi\"}, \"canary\": [" + pod + "]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode view = json(response);
        assertThat(view.at("/cpu/request/current").asText()).isEqualTo("1");
        assertThat(view.at("/cpu/request/recommended").asText()).endsWith("m");
        assertThat(view.at("/savings/replicas").asInt()).isEqualTo(2);
        assertThat(view.at("/savings/describe").asText()).startsWith("across 2 replicas the new requests free");

        var bad = send("POST", "/api/v1/advise/resources", "{\"interval\": \"15s\", \"canary\": [{\"pod\": \"a\", "
                + "\"cpu\": [0.1], \"memory\": [1, 2, 3, \"x\"]}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"status\":400,\"error\":\"canary[0].memory[3] is \\\"x\\\"; expected a "
                + "number\",\"path\":\"/api/v1/advise/resources\"}");
    }

    @Test
    void namesThatAreNotKubernetesNamesAre400sAndNeverReachTheCluster() throws Exception {
        var traversal = send("GET", "/api/v1/canaries?namespace=..%2F..%2Fapi%2Fv1%2Fsecrets%3Fx%3D", (String) null);
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(json(traversal).get("error").asText()).startsWith("namespace '../../api/v1/secrets?x=' is not a "
                + "Kubernetes name");
        var query = send("GET", "/api/v1/canaries/kube-system/x%3Fwatch%3Dtrue", (String) null);
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(json(query).get("error").asText()).startsWith("deployment 'x?watch=true'");
    }

    @Test
    void aTooDeeplyNestedBodyIsA400NotA500() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        var response = send("POST", "/api/v1/advise/strategy", deep);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("not valid JSON");
    }

    @Test
    void listsTheRolloutsOfANamespaceOrOfAll() throws Exception {
        var response = send("GET", "/api/v1/canaries?namespace=default", (String) null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode listing = json(response);
        assertThat(listing.get("namespace").asText()).isEqualTo("default");
        assertThat(listing.get("rollouts")).hasSize(1);
        JsonNode rollout = listing.at("/rollouts/0");
        assertThat(rollout.get("deployment").asText()).isEqualTo("web");
        assertThat(rollout.get("phase").asText()).isEqualTo("STARTING");
        assertThat(rollout.get("image").asText()).isEqualTo("registry.local/web:1.1");
        assertThat(rollout.get("message").asText()).isEqualTo("starting");
        assertThat(rollout.get("looks").asInt()).isZero();
        assertThat(rollout.get("updatedAt").asText()).isEqualTo("2026-11-27T10:15:30Z");

        JsonNode all = json(send("GET", "/api/v1/canaries", (String) null));
        assertThat(all.get("namespace").isNull()).isTrue();
        assertThat(all.get("rollouts")).extracting(r -> r.get("deployment").asText())
                .containsExactly("cart", "web");
        assertThat(all.at("/rollouts/0/phase").asText()).isEqualTo("ROLLED_BACK");
        assertThat(all.at("/rollouts/0/outcome").asText()).isEqualTo("error_rate HIGH again");
        assertThat(all.at("/rollouts/0/attempt").asInt()).isEqualTo(2);

        assertThat(json(send("GET", "/api/v1/canaries?namespace=empty", (String) null)).get("rollouts")).isEmpty();
    }

    @Test
    void answersTheStoredStateAndTheHtmlReportOfOneRollout() throws Exception {
        var state = send("GET", "/api/v1/canaries/default/web", (String) null);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(json(state)).isEqualTo(JSON.readTree(EvidenceReport.json(web)));

        var report = send("GET", "/api/v1/canaries/default/web/report", (String) null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(report.body()).isEqualTo(EvidenceReport.html(web)).contains("default/web");

        var missing = send("GET", "/api/v1/canaries/default/nope", (String) null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"status\":404,\"error\":\"no canary rollout of default/nope\","
                + "\"path\":\"/api/v1/canaries/default/nope\"}");
        var missingReport = send("GET", "/api/v1/canaries/default/nope/report", (String) null);
        assertThat(missingReport.statusCode()).isEqualTo(404);
        assertThat(json(missingReport).get("error").asText()).isEqualTo("no canary rollout of default/nope");

        assertThat(send("GET", "/api/v1/canaries/default", (String) null).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAClusterTheCanariesAre503WithTheReason() throws Exception {
        for (String path : List.of("/api/v1/canaries", "/api/v1/canaries/default/web",
                "/api/v1/canaries/default/web/report")) {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(withoutCluster.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).get("error").asText()).startsWith("no cluster: no kubeconfig found");
            assertThat(json(response).get("path").asText()).isEqualTo(path);
        }
    }

    @Test
    void theIndexListsEveryEndpoint() throws Exception {
        assertThat(json(send("GET", "/api/v1", (String) null)).get("endpoints")).extracting(JsonNode::asText)
                .containsExactly("GET /api/v1", "GET /api/v1/health", "GET /api/v1/status", "POST /api/v1/judge",
                        "POST /api/v1/advise/strategy", "POST /api/v1/advise/resources", "GET /api/v1/canaries",
                        "GET /api/v1/canaries/{namespace}/{deployment}",
                        "GET /api/v1/canaries/{namespace}/{deployment}/report");
    }

    /** Deterministic values around {@code centre}, within 5 % of it. */
    private static String series(int n, double centre) {
        var random = new java.util.SplittableRandom(n * 31L + (long) centre);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = centre * (1 + 0.05 * (random.nextDouble() * 2 - 1));
        }
        return java.util.Arrays.toString(values);
    }
}
