package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays, over plain HTTP, the requests kubectl 1.32 sends for {@code kubectl get deployments,pods -A} and a few
 * other everyday commands (recorded with {@code kubectl -v8} against the embedded cluster), and checks the answers
 * kubectl needs. So the tests need no kubectl binary.
 */
class KubectlDiscoveryReplayTest extends WithSteppedCluster {

    /** kubectl asks for aggregated discovery first and accepts plain JSON as a fallback. */
    private static final String AGGREGATED_DISCOVERY = "application/json;g=apidiscovery.k8s.io;v=v2;"
            + "as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
            + "application/json";
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @BeforeEach
    void deployAWorkload() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2)
                .editSpec().editTemplate().editSpec().editFirstContainer().withNewResources()
                .addToLimits("memory", new Quantity("256Mi")).endResources().endContainer().endSpec().endTemplate()
                .endSpec());
        cluster.rollOut("web");
    }

    @Test
    void shouldAnswerTheVersionProbe() {
        Map<?, ?> version = json(get("/version?timeout=5s", "application/json, */*"), Map.class);

        assertThat(version.get("major")).isEqualTo("1");
        assertThat(version.get("minor")).isEqualTo("32");
        assertThat(version.get("gitVersion")).isEqualTo("v1.32.0");
    }

    @Test
    void shouldServeLegacyDiscoveryWhenAskedForAggregatedDiscovery() {
        HttpResponse<String> api = get("/api?timeout=32s", AGGREGATED_DISCOVERY);
        HttpResponse<String> apis = get("/apis?timeout=32s", AGGREGATED_DISCOVERY);

        // Plain JSON, not the aggregated media type: that is what makes client-go fall back to legacy discovery.
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(api, APIVersions.class).getVersions()).containsExactly("v1");
        assertThat(apis.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(apis, APIGroupList.class).getGroups())
                .anySatisfy(group -> {
                    assertThat(group.getName()).isEqualTo("apps");
                    assertThat(group.getPreferredVersion().getGroupVersion()).isEqualTo("apps/v1");
                });
    }

    @Test
    void shouldListTheResourcesOfEachGroupVersion() {
        APIResourceList core = json(get("/api/v1?timeout=32s", "application/json, */*"), APIResourceList.class);
        APIResourceList apps = json(get("/apis/apps/v1?timeout=32s", "application/json, */*"), APIResourceList.class);

        assertThat(core.getGroupVersion()).isEqualTo("v1");
        assertThat(resource(core, "pods")).satisfies(pods -> {
            assertThat(pods.getKind()).isEqualTo("Pod");
            assertThat(pods.getNamespaced()).isTrue();
            assertThat(pods.getShortNames()).containsExactly("po");
            assertThat(pods.getVerbs()).contains("get", "list", "watch", "create", "update", "patch", "delete");
        });
        assertThat(resource(core, "namespaces").getNamespaced()).isFalse();
        assertThat(resource(core, "events").getKind()).isEqualTo("Event");
        assertThat(apps.getGroupVersion()).isEqualTo("apps/v1");
        assertThat(resource(apps, "deployments").getShortNames()).containsExactly("deploy");
        assertThat(resource(apps, "deployments/scale").getKind()).isEqualTo("Scale");
        assertThat(resource(apps, "replicasets").getKind()).isEqualTo("ReplicaSet");
    }

    @Test
    void shouldPrintClusterWideListsAsTables() {
        Map<?, ?> deployments = json(get("/apis/apps/v1/deployments?limit=500", TABLE), Map.class);
        Map<?, ?> pods = json(get("/api/v1/pods?limit=500", TABLE), Map.class);

        assertThat(deployments.get("kind")).isEqualTo("Table");
        assertThat(columnNames(deployments)).containsExactly("Name", "Ready", "Up-to-date", "Available", "Age");
        assertThat(cells(deployments)).singleElement().satisfies(cells ->
                assertThat(cells.subList(0, 4)).containsExactly("web", "2/2", 2, 2));
        assertThat(rowNamespaces(deployments)).containsExactly("default");
        assertThat(columnNames(pods)).containsExactly("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(cells(pods)).hasSize(2).allSatisfy(cells ->
                assertThat(cells.subList(1, 4)).containsExactly("1/1", "Running", "0"));
    }

    @Test
    void shouldAnswerPlainListsWithTheirListKind() {
        PodList pods = json(get("/api/v1/pods?limit=500", "application/json"), PodList.class);
        ReplicaSetList replicaSets = json(get("/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb",
                "application/json"), ReplicaSetList.class);

        assertThat(pods.getKind()).isEqualTo("PodList");
        assertThat(pods.getApiVersion()).isEqualTo("v1");
        assertThat(pods.getItems()).hasSize(2);
        assertThat(replicaSets.getKind()).isEqualTo("ReplicaSetList");
        assertThat(replicaSets.getApiVersion()).isEqualTo("apps/v1");
        assertThat(replicaSets.getItems()).hasSize(1);
    }

    @Test
    void shouldFilterEventsByInvolvedObjectAsKubectlDescribeAsks() {
        Pod pod = Workloads.pods(cluster.client(), "web").get(0);
        String selector = "involvedObject.name%3D" + pod.getMetadata().getName()
                + "%2CinvolvedObject.namespace%3Ddefault%2CinvolvedObject.uid%3D" + pod.getMetadata().getUid();

        EventList events = json(get("/api/v1/namespaces/default/events?fieldSelector=" + selector + "&limit=500",
                "application/json"), EventList.class);

        assertThat(events.getItems()).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getInvolvedObject().getUid())
                        .isEqualTo(pod.getMetadata().getUid()))
                .extracting(Event::getReason).contains("Scheduled", "Started");
        assertThat(json(get("/api/v1/pods?fieldSelector=status.phase%3DRunning", "application/json"), PodList.class)
                .getItems()).hasSize(2);
        assertThat(json(get("/api/v1/pods?fieldSelector=status.phase%21%3DRunning", "application/json"), PodList.class)
                .getItems()).isEmpty();
    }

    @Test
    void shouldApplyKubectlSetImageStrategicMergePatchKeepingOtherContainerFields() {
        String patch = "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"app\"}],"
                + "\"containers\":[{\"image\":\"shop:v2\",\"name\":\"app\"}]}}}}";

        HttpResponse<String> response = Http.patch(server
                + "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-set", patch,
                "application/strategic-merge-patch+json");

        assertThat(response.statusCode()).isEqualTo(200);
        Deployment patched = Workloads.get(cluster.client(), "web");
        assertThat(patched.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getImage()).isEqualTo("shop:v2");
            assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
        });
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void shouldScaleThroughTheScaleSubresourceAsKubectlScaleDoes() {
        HttpResponse<String> response = Http.patch(server + "/apis/apps/v1/namespaces/default/deployments/web/scale",
                "{\"spec\":{\"replicas\":4}}", "application/merge-patch+json");

        assertThat(response.statusCode()).isEqualTo(200);
        GenericKubernetesResource scale = json(response, GenericKubernetesResource.class);
        assertThat(scale.getKind()).isEqualTo("Scale");
        assertThat((Object) scale.get("spec", "replicas")).isEqualTo(4);
        assertThat((Object) scale.get("status", "selector")).isEqualTo("app=web");
        assertThat(Workloads.get(cluster.client(), "web").getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void shouldRefuseHttpStreamingWatchesWithAClearMessage() {
        HttpResponse<String> response =
                get("/apis/apps/v1/deployments?watch=true&resourceVersion=0", "application/json");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("WebSocket");
    }

    @Test
    void shouldAnswerHealthProbes() {
        assertThat(get("/readyz", "*/*").body()).isEqualTo("ok");
        assertThat(get("/livez", "*/*").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String accept) {
        return Http.get(server + path, "Accept", accept, "User-Agent", "kubectl/v1.32.4 (linux/amd64)");
    }

    private <T> T json(HttpResponse<String> response, Class<T> type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return serialization.unmarshal(response.body(), type);
    }

    private static APIResource resource(APIResourceList list, String name) {
        return list.getResources().stream().filter(resource -> name.equals(resource.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("No resource " + name + " in " + list.getGroupVersion()));
    }

    private static List<Object> columnNames(Map<?, ?> table) {
        return ((List<?>) table.get("columnDefinitions")).stream()
                .map(column -> (Object) ((Map<?, ?>) column).get("name"))
                .collect(Collectors.toList());
    }

    private static List<List<Object>> cells(Map<?, ?> table) {
        return ((List<?>) table.get("rows")).stream()
                .map(row -> List.<Object>copyOf((List<?>) ((Map<?, ?>) row).get("cells")))
                .collect(Collectors.toList());
    }

    private static List<Object> rowNamespaces(Map<?, ?> table) {
        return ((List<?>) table.get("rows")).stream()
                .map(row -> (Map<?, ?>) ((Map<?, ?>) row).get("object"))
                .map(object -> (Object) ((Map<?, ?>) object.get("metadata")).get("namespace"))
                .collect(Collectors.toList());
    }
}
