package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.aidevops.cluster.KubectlRecordings.APPLY_QUERY;
import static io.aidevops.cluster.KubectlRecordings.USER_AGENT;
import static io.aidevops.cluster.KubectlRecordings.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays, over plain HTTP, the requests kubectl 1.32 sends for client-side {@code kubectl apply -f} (create when
 * absent, a strategic merge patch with the last-applied annotation when present), {@code kubectl delete -f}, and the
 * server-side apply and dry runs the server refuses (see {@link KubectlRecordings}).
 */
class KubectlApplyReplayTest extends WithSteppedCluster {

    private static final String SHOP = "/apis/apps/v1/namespaces/default/deployments/shop";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String JSON = "application/json";


    @Test
    void shouldServeAnEmptyOpenApiV2DocumentSoThatKubectlSkipsSchemaValidation() {
        HttpResponse<String> v3 = get("/openapi/v3?timeout=32s", "application/json, */*");
        HttpResponse<String> v2 = get("/openapi/v2?timeout=32s",
                "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        HttpResponse<String> v2Json = get("/openapi/v2", JSON);

        assertThat(v3.statusCode()).isEqualTo(404);
        assertThat(v2.statusCode()).isEqualTo(200);
        // Without the '@' kubectl asks with: Go's media type parser rejects it, and kubectl with it.
        assertThat(v2.headers().firstValue("Content-Type"))
                .hasValue("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
        List<ProtobufWire.Field> document = ProtobufWire.fields(v2.body().getBytes(StandardCharsets.UTF_8));
        assertThat(document).extracting(ProtobufWire.Field::number).as("swagger, info, paths; no definitions")
                .containsExactly(1, 2, 8);
        assertThat(new String(document.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("2.0");
        assertThat(document.get(2).isZero()).as("no paths").isTrue();
        assertThat(v2Json.body()).contains("\"swagger\":\"2.0\"", "\"paths\":{}").doesNotContain("definitions");
    }

    @Test
    void shouldCreateOnTheFirstApplyAndRollOutTheChangeOnTheNext() {
        assertThat(get(SHOP, JSON).statusCode()).isEqualTo(404);

        HttpResponse<String> created = send("POST", DEPLOYMENTS + APPLY_QUERY, "apply-create-shop.json", JSON);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Deployment first = Workloads.get(client, "shop");
        assertThat(first.getMetadata().getAnnotations().get(LAST_APPLIED)).contains("nginx:1.25");
        cluster.rollOut("shop");
        assertThat(get(SHOP, JSON).statusCode()).isEqualTo(200);

        HttpResponse<String> patched = send("PATCH", SHOP + APPLY_QUERY, "apply-patch-shop.json",
                "application/strategic-merge-patch+json");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        Deployment second = Workloads.get(client, "shop");
        assertThat(second.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(second.getMetadata().getAnnotations().get(LAST_APPLIED)).contains("nginx:1.26");
        assertThat(second.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getImage()).isEqualTo("nginx:1.26");
            assertThat(container.getPorts()).as("kept: the patch merges the container by name")
                    .singleElement().satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(80));
        });

        cluster.rollOut("shop");

        assertThat(Workloads.pods(client, "shop")).hasSize(2)
                .allSatisfy(pod -> assertThat(Workloads.image(pod)).isEqualTo("nginx:1.26"));
        assertThat(Workloads.replicaSets(client, "shop")).hasSize(2)
                .extracting(ReplicaSet::getSpec).extracting(spec -> spec.getReplicas())
                .containsExactlyInAnyOrder(0, 2);
        assertThat(Workloads.get(client, "shop").getMetadata().getAnnotations())
                .containsEntry("deployment.kubernetes.io/revision", "2");
    }

    @Test
    void shouldRefuseServerSideApplyQuicklyAndClearly() {
        HttpResponse<String> absent = serverSideApply();
        send("POST", DEPLOYMENTS + APPLY_QUERY, "apply-create-shop.json", JSON);
        HttpResponse<String> present = serverSideApply();

        assertThat(List.of(absent, present)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.body()).contains("UnsupportedMediaType", "server-side apply", "without --server-side");
        });
        assertThat(Workloads.get(client, "shop").getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void shouldRefuseDryRunsWithoutChangingAnything() {
        send("POST", DEPLOYMENTS + APPLY_QUERY, "apply-create-shop.json", JSON);

        HttpResponse<String> patch = send("PATCH", SHOP + APPLY_QUERY + "&dryRun=All", "apply-patch-shop.json",
                "application/strategic-merge-patch+json");
        HttpResponse<String> delete = send("DELETE", SHOP + "?dryRun=All", "delete-options.json", JSON);
        HttpResponse<String> create = Http.send("POST", server + "/api/v1/namespaces?dryRun=All",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"dry\"}}"
                        .getBytes(StandardCharsets.UTF_8), "Content-Type", JSON);

        assertThat(List.of(patch, delete, create)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("cannot dry-run", "--dry-run=client");
        });
        assertThat(Workloads.get(client, "shop").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).isEqualTo("nginx:1.25");
        assertThat(client.namespaces().withName("dry").get()).isNull();
    }

    @Test
    void shouldRefusePatchTypesItDoesNotApply() {
        send("POST", DEPLOYMENTS + APPLY_QUERY, "apply-create-shop.json", JSON);

        HttpResponse<String> response = Http.send("PATCH", server + SHOP, "spec: {}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/yaml");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("application/strategic-merge-patch+json");
    }

    @Test
    void shouldDeleteWhatWasAppliedAndCollectItsReplicaSetsAndPods() {
        send("POST", DEPLOYMENTS + APPLY_QUERY, "apply-create-shop.json", JSON);
        cluster.rollOut("shop");

        HttpResponse<String> deleted = send("DELETE", SHOP, "delete-options.json", JSON);
        cluster.stepFor(Duration.ofSeconds(2));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(get(SHOP, JSON).statusCode()).isEqualTo(404);
        assertThat(Workloads.replicaSets(client, "shop")).isEmpty();
        assertThat(Workloads.pods(client, "shop")).isEmpty();
    }

    private HttpResponse<String> serverSideApply() {
        return send("PATCH", SHOP + "?fieldManager=kubectl&fieldValidation=Strict&force=false",
                "apply-server-side-shop.yaml", "application/apply-patch+yaml");
    }

    private HttpResponse<String> get(String path, String accept) {
        return Http.get(server + path, "Accept", accept, "User-Agent", USER_AGENT);
    }

    private HttpResponse<String> send(String method, String path, String recording, String contentType) {
        return Http.send(method, server + path, body(recording), "Content-Type", contentType, "Accept", JSON,
                "User-Agent", USER_AGENT);
    }
}
