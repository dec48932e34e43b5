package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.aidevops.cluster.KubectlRecordings.PROTOBUF;
import static io.aidevops.cluster.KubectlRecordings.body;
import static io.aidevops.cluster.KubectlRecordings.create;
import static io.aidevops.cluster.Workloads.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays, over plain HTTP, the requests kubectl 1.32 sends for {@code kubectl create deployment|namespace|...}
 * (see {@link KubectlRecordings}): its typed clients POST protobuf, which the CRUD store cannot read. These used to
 * hang kubectl forever.
 */
class KubectlCreateReplayTest extends WithSteppedCluster {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void shouldCreateADeploymentFromKubectlsProtobufAndRollItOut() {
        HttpResponse<String> response = create(server, DEPLOYMENTS, "create-deployment-web.pb");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        // kubectl accepts JSON as well as protobuf, and the server answers JSON.
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(serialization.unmarshal(response.body(), Deployment.class).getMetadata().getName())
                .isEqualTo("web");
        Deployment stored = Workloads.get(client, "web");
        assertThat(stored.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(stored.getMetadata().getLabels()).containsExactly(Map.entry("app", "web"));
        assertThat(stored.getSpec().getReplicas()).isEqualTo(2);
        assertThat(stored.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry("app", "web"));
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getName()).isEqualTo("nginx");
            assertThat(container.getImage()).isEqualTo("nginx:1.25");
        });

        cluster.rollOut("web");

        assertThat(Workloads.pods(client, "web")).hasSize(2).allSatisfy(pod -> {
            assertThat(Workloads.image(pod)).isEqualTo("nginx:1.25");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        });
    }

    @Test
    void shouldKeepAnExplicitZeroReplicasThePortAndTheCommand() {
        HttpResponse<String> response = create(server, DEPLOYMENTS, "create-deployment-cmd.pb");
        cluster.stepFor(Duration.ofSeconds(5));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Deployment stored = Workloads.get(client, "cmd");
        assertThat(stored.getSpec().getReplicas()).as("0, not defaulted to 1").isZero();
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getImage()).isEqualTo("busybox:1.36");
            assertThat(container.getCommand()).containsExactly("sleep", "3600");
            assertThat(container.getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8080));
        });
        assertThat(Workloads.pods(client, "cmd")).isEmpty();
    }

    @Test
    void shouldCreateANamespace() {
        HttpResponse<String> response = create(server, "/api/v1/namespaces", "create-namespace-team-a.pb");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(client.namespaces().withName("team-a").get()).isNotNull();
    }

    @Test
    void shouldCreateConfigMapsSecretsServicesAndServiceAccounts() {
        String core = "/api/v1/namespaces/default/";

        assertThat(create(server, core + "configmaps", "create-configmap-cm1.pb").statusCode()).isEqualTo(201);
        assertThat(create(server, core + "secrets", "create-secret-s1.pb").statusCode()).isEqualTo(201);
        assertThat(create(server, core + "services", "create-service-np1.pb").statusCode()).isEqualTo(201);
        assertThat(create(server, core + "serviceaccounts", "create-serviceaccount-sa1.pb").statusCode())
                .isEqualTo(201);

        ConfigMap configMap = client.configMaps().inNamespace(NAMESPACE).withName("cm1").get();
        assertThat(configMap.getData()).containsExactly(Map.entry("a", "b"));
        Secret secret = client.secrets().inNamespace(NAMESPACE).withName("s1").get();
        assertThat(secret.getData()).containsExactly(Map.entry("password", "czNjcmV0")); // base64 of s3cret
        Service service = client.services().inNamespace(NAMESPACE).withName("np1").get();
        assertThat(service.getSpec().getType()).isEqualTo("NodePort");
        assertThat(service.getSpec().getSelector()).containsExactly(Map.entry("app", "np1"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("80-http");
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            assertThat(port.getNodePort()).isEqualTo(30080);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertThat(client.serviceAccounts().inNamespace(NAMESPACE).withName("sa1").get()).isNotNull();
    }

    @Test
    void shouldAnswerAlreadyExistsWhenCreatingTwiceAndKeepTheFirst() {
        create(server, DEPLOYMENTS, "create-deployment-web.pb");
        String uid = Workloads.get(client, "web").getMetadata().getUid();

        HttpResponse<String> again = create(server, DEPLOYMENTS, "create-deployment-web.pb");

        assertThat(again.statusCode()).isEqualTo(409);
        GenericKubernetesResource status = serialization.unmarshal(again.body(), GenericKubernetesResource.class);
        assertThat((Object) status.get("reason")).isEqualTo("AlreadyExists");
        assertThat((Object) status.get("message")).isEqualTo("deployments.apps \"web\" already exists");
        assertThat((Object) status.get("details", "name")).isEqualTo("web");
        assertThat(Workloads.get(client, "web").getMetadata().getUid()).isEqualTo(uid);
    }

    @Test
    void shouldRefuseProtobufOfAKindItCannotDecodeInsteadOfHanging() {
        HttpResponse<String> response =
                create(server, "/apis/batch/v1/namespaces/default/jobs", "create-job-j1.pb");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("UnsupportedMediaType", "batch/v1/Job", "kubectl apply -f");
        assertThat(Http.get(server + "/apis/batch/v1/namespaces/default/jobs/j1").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseProtobufOutsideCreates() {
        create(server, DEPLOYMENTS, "create-deployment-web.pb");

        HttpResponse<String> response = Http.send("PUT", server + DEPLOYMENTS + "/web",
                body("create-deployment-web.pb"), "Content-Type", PROTOBUF);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("only when objects are created");
    }

    @Test
    void shouldRejectMalformedProtobufAsABadRequest() {
        byte[] cutShort = {'k', '8', 's', 0, 0x0a, 0x7f, 0x01};

        HttpResponse<String> response = Http.send("POST", server + DEPLOYMENTS, cutShort, "Content-Type", PROTOBUF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("BadRequest", "not a valid Kubernetes protobuf object");
    }

    @Test
    void shouldAnswerWithAnErrorInsteadOfHangingWhenTheStoreFails() {
        // The CRUD store reads bodies as YAML and throws on a NUL byte; the exception used to leave the client
        // without any answer.
        HttpResponse<String> response = Http.send("POST", server + "/api/v1/namespaces/default/configmaps",
                "\u0000".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("InternalError", "failed to answer POST");
    }
}
