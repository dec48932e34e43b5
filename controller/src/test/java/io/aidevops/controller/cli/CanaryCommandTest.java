package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.cluster.AcceleratedClock;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aidevops canary} end to end: the real CLI against an embedded cluster whose time runs ten times faster. */
class CanaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "steps:\n  - setWeight: 50\n  - analysis: {interval: 20s, looks: 2}\n";

    @TempDir
    Path dir;

    private EmbeddedCluster cluster;
    private CliRunner cli;
    private Path kubeconfig;
    private Path plan;

    @BeforeEach
    void setUp() throws Exception {
        var clock = AcceleratedClock.startingNow(10);
        cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults().withClock(clock));
        kubeconfig = dir.resolve("kubeconfig");
        cluster.writeKubeconfig(kubeconfig);
        plan = dir.resolve("plan.yaml");
        Files.writeString(plan, PLAN);
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
                .create();
        client.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("web")
                .endMetadata().withNewSpec().addToSelector("app", "web").addNewPort().withPort(80)
                .withTargetPort(new IntOrString(8080)).endPort().endSpec().build()).create();
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
                .withName("web").endMetadata().withNewSpec().withReplicas(2).withNewSelector()
                .addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata()
                .addToLabels("app", "web").addToLabels("track", "stable").endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("registry.local/web:1.0").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        cluster.awaitRollout("shop", "web", Duration.ofSeconds(30));
        cli = new CliRunner(dir);
        cli.clock = clock;
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void aGoodImageIsPromotedWithProgressAndAReport() throws Exception {
        Path report = dir.resolve("report.html");

        var result = deploy("registry.local/web:1.1", "--report", report.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var state = JSON.readTree(result.out());
        assertThat(state.get("phase").asText()).isEqualTo("PROMOTED");
        assertThat(state.get("looks")).hasSize(2);
        assertThat(result.err()).contains("setWeight 50", "PROMOTED");
        assertThat(Files.readString(report)).contains("<table>", "error_rate", "PROMOTED");
        assertThat(cluster.client().apps().deployments().inNamespace("shop").withName("web").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.local/web:1.1");
    }

    @Test
    void aBadImageIsRolledBackWithExitOneAndTheEvidence() {
        var result = deploy("registry.local/web:1.1-bad");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DECLINED);
        assertThat(result.out()).contains("ROLLED_BACK", "error_rate", "HIGH", "poisson-rate");
        var status = cli.run("canary", "status", "-n", "shop", "-d", "web", "--kubeconfig", kubeconfig.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(status.out()).contains("ROLLED_BACK", "Look 1 of 2");
    }

    @Test
    void aDetachedRolloutCanBeAbortedFromAnotherCommand() {
        var started = deploy("registry.local/web:1.1", "--detach");
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("STARTING");

        var aborted = cli.run("canary", "abort", "-n", "shop", "-d", "web", "--kubeconfig", kubeconfig.toString(),
                "--tick", "100ms");

        assertThat(aborted.exitCode()).as(aborted.err()).isEqualTo(ExitCodes.DECLINED);
        assertThat(aborted.out()).contains("ABORTED", "aborted by a user");
    }

    @Test
    void badRequestsAreUsageErrorsThatChangeNothing() throws Exception {
        var unknown = cli.run("canary", "deploy", "-n", "shop", "-d", "nope", "--image", "registry.local/web:2",
                "--kubeconfig", kubeconfig.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Deployment shop/nope not found");

        var image = cli.run("canary", "deploy", "-n", "shop", "-d", "web", "--image", "Bad Image",
                "--kubeconfig", kubeconfig.toString());
        assertThat(image.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(image.err()).contains("--image 'Bad Image'");

        Path badPlan = dir.resolve("bad.yaml");
        Files.writeString(badPlan, "steps:\n  - setWeight: 20\n  - setweight: 50\n");
        var plan = cli.run("canary", "deploy", "-n", "shop", "-d", "web", "--image", "registry.local/web:2",
                "--plan", badPlan.toString(), "--kubeconfig", kubeconfig.toString());
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan.err()).contains("bad.yaml:3", "setWeight");

        var tick = cli.run("canary", "deploy", "-n", "shop", "-d", "web", "--image", "registry.local/web:2",
                "--tick", "soon", "--kubeconfig", kubeconfig.toString());
        assertThat(tick.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tick.err()).contains("--tick 'soon'");

        var router = cli.run("canary", "deploy", "-n", "shop", "-d", "web", "--image", "registry.local/web:2",
                "--router", "istio,route=primary", "--kubeconfig", kubeconfig.toString());
        assertThat(router.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(router.err()).contains("router.virtualService");

        var missingRoute = cli.run("canary", "deploy", "-n", "shop", "-d", "web", "--image", "registry.local/web:2",
                "--router", "gatewayApi,httpRoute=shop", "--kubeconfig", kubeconfig.toString());
        assertThat(missingRoute.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingRoute.err()).contains("traffic router gatewayApi", "shop");

        var none = cli.run("canary", "status", "-n", "shop", "-d", "web", "--kubeconfig", kubeconfig.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no canary rollout of shop/web");
        assertThat(cluster.client().apps().deployments().inNamespace("shop").list().getItems()).hasSize(1);
        assertThat(cluster.client().configMaps().inNamespace("shop").withLabel("aidevops.io/canary-of").list()
                .getItems()).as("no rollout recorded").isEmpty();
    }

    private CliRunner.Result deploy(String image, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("canary", "deploy", "-n", "shop", "-d", "web",
                "--image", image, "--plan", plan.toString(), "--kubeconfig", kubeconfig.toString(), "--tick",
                "100ms"));
        args.addAll(java.util.List.of(more));
        return cli.run(args.toArray(String[]::new));
    }
}
