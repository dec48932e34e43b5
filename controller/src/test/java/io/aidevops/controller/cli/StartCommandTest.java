package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.controller.service.ControllerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(String method, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        return JSON.readTree(response.body());
    }

    static JsonNode component(JsonNode status, String name) {
        for (var component : status.get("components")) {
            if (component.get("name").asText().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("no component " + name + " in " + status);
    }

    private Optional<ControllerEndpoint> awaitEndpoint(Path dataDir, CompletableFuture<?> running) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !running.isDone()) {
            var endpoint = ControllerEndpoint.read(dataDir);
            if (endpoint.isPresent()) {
                return endpoint;
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    @Test
    void servesHealthAndStatusAsJsonAndStopsCleanly() throws Exception {
        var cli = new CliRunner(dir);
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Cli.commandLine(cli.context(out, err));
        var start = (StartCommand) commandLine.getSubcommands().get("start").getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("start", "--port", "0"));

        var endpoint = awaitEndpoint(dir.resolve(".aidevops"), running);
        assertThat(endpoint).as("controller.json written; output so far: %s %s", out, err).isPresent();
        var url = endpoint.get().url();
        assertThat(url).startsWith("http://127.0.0.1:");
        assertThat(endpoint.get().pid()).isEqualTo(ProcessHandle.current().pid());

        var health = send("GET", url + "/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("fields in a stable order").startsWith("{\"status\":\"UP\",\"version\":");
        assertThat(json(health).get("uptimeSeconds").asLong()).isZero();

        var status = json(send("GET", url + "/api/v1/status"));
        assertThat(status.get("health").asText()).isEqualTo("DEGRADED");
        assertThat(component(status, "controller").get("detail").asText()).isEqualTo("serving at " + url);

        var missing = send("GET", url + "/api/v1/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("no such endpoint");
        assertThat(json(missing).get("path").asText()).isEqualTo("/api/v1/nothing-here");

        var wrongMethod = send("POST", url + "/api/v1/health");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(json(wrongMethod).get("error").asText()).contains("method POST not allowed");

        var index = json(send("GET", url + "/api/v1"));
        assertThat(index.get("endpoints").toString()).contains("GET /api/v1/health", "GET /api/v1/status");
        assertThat(send("DELETE", url + "/api/v1").statusCode()).isEqualTo(405);

        var head = send("HEAD", url + "/api/v1/health");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        start.stopSignal.trigger();

        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("aidevops controller listening on " + url, "aidevops controller stopped");
        assertThat(dir.resolve(".aidevops/controller.json")).doesNotExist();
        assertThat(dir.resolve(".aidevops/logs/aidevops.log.0")).exists();
        var refused = CompletableFuture.supplyAsync(() -> {
            try {
                return send("GET", url + "/api/v1/health").statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        assertThat(refused.get(10, TimeUnit.SECONDS)).as("nothing answers after the stop").isEqualTo(-1);
    }

    @Test
    void theApiAnswersWithTheJsonTheCliPrints() throws Exception {
        var cli = new CliRunner(dir);
        var commandLine = Cli.commandLine(cli.context(new StringWriter(), new StringWriter()));
        var start = (StartCommand) commandLine.getSubcommands().get("start").getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("start", "--port", "0"));
        try {
            var url = awaitEndpoint(dir.resolve(".aidevops"), running).orElseThrow().url();

            var strategy = "{\"replicas\": 6, \"rps\": 40, \"criticality\": \"high\", \"hpa\": \"6:12\"}";
            assertThat(JSON.readTree(post(url + "/api/v1/advise/strategy", strategy).body()))
                    .isEqualTo(JSON.readTree(cli.run("advise", "strategy", "--replicas", "6", "--rps", "40",
                            "--criticality", "high", "--hpa", "6:12", "--format", "json").out()));

            var usage = AdviseCommandTest.usage(true);
            Files.writeString(dir.resolve("usage.json"), usage);
            assertThat(JSON.readTree(post(url + "/api/v1/advise/resources", usage).body()))
                    .isEqualTo(JSON.readTree(cli.run("advise", "resources", "--input", "usage.json", "--format",
                            "json").out()));

            var judge = "{\"metrics\": [{\"name\": \"cpu\", \"baseline\": " + java.util.Arrays.toString(
                    ramp(30, 1)) + ", \"canary\": " + java.util.Arrays.toString(ramp(30, 1.5)) + "}]}";
            Files.writeString(dir.resolve("judge.json"), judge);
            assertThat(JSON.readTree(post(url + "/api/v1/judge", judge).body()))
                    .isEqualTo(JSON.readTree(cli.run("judge", "--input", "judge.json", "--format", "json").out()));

            // No cluster in this test's environment: the canaries say so rather than fail.
            var canaries = send("GET", url + "/api/v1/canaries?namespace=default");
            assertThat(canaries.statusCode()).isEqualTo(503);
            // Inside a pod (a Jenkins agent on Kubernetes) auto mode finds a service account and says so instead.
            assertThat(json(canaries).get("error").asText()).containsAnyOf("no cluster configured",
                    "not running in a pod");

            assertThat(json(send("GET", url + "/api/v1")).get("endpoints").toString()).contains(
                    "POST /api/v1/judge", "POST /api/v1/advise/strategy", "POST /api/v1/advise/resources",
                    "GET /api/v1/canaries", "GET /api/v1/canaries/{namespace}/{deployment}/report");
        } finally {
            start.stopSignal.trigger();
        }
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void theServiceMonitorsTheClusterAndARestartRaisesNothingTwice() throws Exception {
        try (var cluster = io.aidevops.cluster.EmbeddedCluster.start(io.aidevops.cluster.EmbeddedClusterOptions
                .defaults().withClock(io.aidevops.cluster.AcceleratedClock.startingNow(10)))) {
            var kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/config.yaml"), "kubernetes: {mode: kubeconfig, kubeconfig: "
                    + kubeconfig + "}\nmonitoring: {interval: 1, namespaces: [shop]}\n");
            cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata().withName("shop").endMetadata().build()).create();
            cluster.client().apps().deployments().inNamespace("shop").resource(crashingDeployment()).create();

            String fingerprint;
            var first = startService();
            try {
                var url = first.url();
                var monitor = awaitJson(url + "/api/v1/monitor", m -> m.get("state").asText().equals("running"));
                assertThat(monitor.get("intervalSeconds").asInt()).isEqualTo(1);
                var alerts = awaitJson(url + "/api/v1/alerts", a -> a.get("alerts").size() > 0);
                var alert = alerts.at("/alerts/0/alert");
                assertThat(alert.get("kind").asText()).isEqualTo("CRASH_LOOP");
                assertThat(alert.get("workload").asText()).isEqualTo("web");
                fingerprint = alert.get("fingerprint").asText();
                assertThat(json(send("GET", url + "/api/v1/alerts/" + fingerprint)).at("/alert/title").asText())
                        .contains("shop/web");
                var bad = send("GET", url + "/api/v1/alerts?state=sideways");
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(json(bad).get("error").asText()).contains("state must be open, resolved or all");
                assertThat(send("GET", url + "/api/v1/alerts/not-hex").statusCode()).isEqualTo(400);
                assertThat(send("GET", url + "/api/v1/alerts/" + "0".repeat(32)).statusCode()).isEqualTo(404);
            } finally {
                first.stop();
            }
            var journal = dir.resolve(".aidevops/monitor/alerts.jsonl");
            long raised = Files.readAllLines(journal).stream().filter(l -> l.contains("\"RAISED\"")).count();

            var second = startService();
            try {
                // Start and the first pass judged the same crash loop again: adopted from the journal, not raised.
                var passed = awaitJson(second.url() + "/api/v1/monitor",
                        m -> m.at("/stats/lastCollection").isTextual() && m.at("/stats/workloads").asInt() == 1);
                assertThat(passed.at("/stats/alertsRaised").asLong()).isZero();
                assertThat(passed.at("/stats/openAlerts").asInt()).isEqualTo(1);
            } finally {
                second.stop();
            }
            assertThat(Files.readAllLines(journal).stream().filter(l -> l.contains("\"RAISED\"")).count())
                    .as("the restarted monitor adopted the open alerts").isEqualTo(raised);
            var listed = new CliRunner(dir).run("alerts");
            assertThat(listed.out()).contains(fingerprint.substring(0, 10), "crash-loop", "shop/web");
        }
    }

    private record Service(String url, StartCommand command, CompletableFuture<Integer> running) {
        void stop() throws Exception {
            command.stopSignal.trigger();
            assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    private Service startService() throws Exception {
        var commandLine = Cli.commandLine(new CliRunner(dir).context(new StringWriter(), new StringWriter()));
        var start = (StartCommand) commandLine.getSubcommands().get("start").getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("start", "--port", "0"));
        var url = awaitEndpoint(dir.resolve(".aidevops"), running).orElseThrow().url();
        return new Service(url, start, running);
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> done) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json(send("GET", url));
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + url + " never answered what was awaited; last: " + last);
    }

    private static io.fabric8.kubernetes.api.model.apps.Deployment crashingDeployment() {
        return new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName("web").addToLabels("app.kubernetes.io/managed-by", "aidevops")
                .endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web")
                .addToLabels("app.kubernetes.io/managed-by", "aidevops").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.local/web:2.0-crash")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers
                .ofString(body)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static double[] ramp(int n, double level) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + 0.01 * (i % 7);
        }
        return values;
    }

    @Test
    void aPortInUseIsAnInfrastructureErrorNamingThePort() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var result = new CliRunner(dir).run("start", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(result.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port");
        }
    }

    @Test
    void anOutOfRangePortIsAUsageError() {
        var result = new CliRunner(dir).run("start", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--port must be from 0 to 65535");
    }

    /** The real thing: a separate JVM, stopped by SIGTERM as a service manager would. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aSeparateProcessStopsOnSigtermWithExitZero() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "start", "--port", "0"));
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("AIDEVOPS_CONFIG_PATH");
        builder.environment().remove("AIDEVOPS_ENV");
        builder.environment().remove("AIDEVOPS_LOG_LEVEL");
        var process = builder.start();
        try {
            var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var output = new StringBuilder();
            String url = null;
            String line;
            while (url == null && (line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("aidevops controller listening on ")) {
                    url = line.substring("aidevops controller listening on ".length()).split(" ")[0];
                }
            }
            assertThat(url).as("the service announced itself; output: %s", output).isNotNull();
            assertThat(send("GET", url + "/api/v1/health").statusCode()).isEqualTo(200);

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of the pipes

            // Read to the end through the same reader: it may hold buffered lines already.
            var rest = String.join("\n", reader.lines().toList());
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit code; output: %s%s", output, rest).isZero();
            assertThat(rest).contains("received SIGTERM", "aidevops controller stopped");
            assertThat(Files.exists(dir.resolve(".aidevops/controller.json"))).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }
}
