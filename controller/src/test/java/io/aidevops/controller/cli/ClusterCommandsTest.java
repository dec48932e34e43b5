package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that talk to a cluster, against the real embedded one. */
class ClusterCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void awaitFile(Path file, CompletableFuture<?> running) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && !running.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).as("written while the command runs").exists();
    }

    @Test
    void statusIsHealthyWithAReachableClusterAndListsItsNamespaces() throws Exception {
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(SimulatedClock.startingAt(CliRunner.NOW)))) {
            var kubeconfig = cluster.writeKubeconfig(dir.resolve("kube/config"));
            var cli = new CliRunner(dir);
            cli.env.put("KUBECONFIG", kubeconfig.toString());

            var text = cli.run("status");
            assertThat(text.exitCode()).as(text.out() + text.err()).isZero();
            assertThat(text.out()).contains("HEALTHY", "kubernetes     up, server v", "default, ", "kube-system");

            var json = JSON.readTree(cli.run("status", "--format", "json").out());
            assertThat(json.get("health").asText()).isEqualTo("HEALTHY");
            assertThat(json.at("/kubernetes/target").asText()).contains("kube/config", "context");
            assertThat(json.at("/kubernetes/namespaces").toString()).contains("\"default\"", "\"kube-system\"");
        }
    }

    @Test
    void aKubeconfigPointingAtNothingIsDegradedWithAHint() throws Exception {
        String kubeconfig;
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(SimulatedClock.startingAt(CliRunner.NOW)))) {
            kubeconfig = cluster.writeKubeconfig(dir.resolve("kube/config")).toString();
        }
        var cli = new CliRunner(dir);
        cli.env.put("KUBECONFIG", kubeconfig);

        var result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("DEGRADED", "API server unreachable",
                "hint: check that the cluster is running");
    }

    @Test
    void clusterStartServesAClusterThroughItsKubeconfigUntilStopped() throws Exception {
        var out = new StringWriter();
        var commandLine = Cli.commandLine(new CliRunner(dir).context(out, new StringWriter()));
        var start = (ClusterCommand.Start) commandLine.getSubcommands().get("cluster").getSubcommands().get("start")
                .getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("cluster", "start", "--embedded",
                "--kubeconfig", "my-kubeconfig"));
        var kubeconfig = dir.resolve("my-kubeconfig");
        awaitFile(kubeconfig, running);

        try (var client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile())).build()) {
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .contains("default", "kube-system");
        }
        start.stopSignal.trigger();

        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("embedded cluster running: API server http://127.0.0.1:",
                "kubectl --kubeconfig my-kubeconfig get deployments,pods -A", "embedded cluster stopped");
        assertThat(kubeconfig).as("removed, so nothing points at a stopped cluster").doesNotExist();
    }

    @Test
    void clusterStartNeverReplacesSomebodyElsesFile() throws Exception {
        var precious = dir.resolve("my-real-kubeconfig");
        Files.writeString(precious, "apiVersion: v1\nkind: Config\nclusters: []\n");

        var result = new CliRunner(dir).run("cluster", "start", "--embedded", "--kubeconfig", "my-real-kubeconfig");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.err()).contains("my-real-kubeconfig exists and is not a kubeconfig written by aidevops",
                "--force");
        assertThat(Files.readString(precious)).isEqualTo("apiVersion: v1\nkind: Config\nclusters: []\n");
    }

    @Test
    void aKubeconfigLeftByAKilledRunIsTakenOverButOneOfARunningClusterIsNot() throws Exception {
        var file = dir.resolve(".aidevops/cluster/kubeconfig");
        try (var running = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(SimulatedClock.startingAt(
                CliRunner.NOW)))) {
            running.writeKubeconfig(file);
            var refused = new CliRunner(dir).run("cluster", "start", "--embedded");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
            assertThat(refused.err()).contains("belongs to an embedded cluster that is running at "
                    + running.apiServerUrl());
        }
        // The cluster is gone now, its kubeconfig stale: a new cluster may take the file over.
        var out = new StringWriter();
        var commandLine = Cli.commandLine(new CliRunner(dir).context(out, new StringWriter()));
        var start = (ClusterCommand.Start) commandLine.getSubcommands().get("cluster").getSubcommands().get("start")
                .getCommand();
        var before = Files.readString(file);
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("cluster", "start", "--embedded"));
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(file) && Files.readString(file).equals(before) && System.nanoTime() < deadline
                && !running.isDone()) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(file)).isNotEqualTo(before);
        start.stopSignal.trigger();
        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void theDemoStopsCleanlyWhenInterrupted() throws Exception {
        var err = new StringWriter();
        var commandLine = Cli.commandLine(new CliRunner(dir).context(new StringWriter(), err));
        var demo = (DemoCommand) commandLine.getSubcommands().get("demo").getCommand();
        // Its own thread: the stop interrupts it, and a pooled thread would carry that into other tests.
        var running = new CompletableFuture<Integer>();
        new Thread(() -> running.complete(commandLine.execute("demo", "--format", "json")), "demo-under-test").start();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!err.toString().contains("2/4") && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(20);
        }

        demo.stopSignal.trigger();

        assertThat(running.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err.toString()).contains("demo stopped before it finished");
        assertThat(dir.resolve(".aidevops/demo/kubeconfig")).doesNotExist();
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThrough() throws Exception {
        var real = dir.resolve("real-kubeconfig");
        Files.writeString(real, "users: []\n");
        Files.createSymbolicLink(dir.resolve("link"), real);

        var result = new CliRunner(dir).run("cluster", "start", "--embedded", "--kubeconfig", "link", "--force");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.err()).contains("link is a symbolic link");
        assertThat(Files.readString(real)).isEqualTo("users: []\n");
    }

    @Test
    void forceReplacesAForeignFileAndRemovesItOnStop() throws Exception {
        var file = dir.resolve("scratch-kubeconfig");
        Files.writeString(file, "not ours\n");
        var out = new StringWriter();
        var commandLine = Cli.commandLine(new CliRunner(dir).context(out, new StringWriter()));
        var start = (ClusterCommand.Start) commandLine.getSubcommands().get("cluster").getSubcommands().get("start")
                .getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("cluster", "start", "--embedded",
                "--kubeconfig", "scratch-kubeconfig", "--force"));
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.readString(file).equals("not ours\n") && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(file)).contains("aidevops-embedded");

        start.stopSignal.trigger();

        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void aDemoTimeoutOutOfRangeIsAUsageError() {
        var result = new CliRunner(dir).run("demo", "--timeout", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--timeout must be from 1 to 3600");
    }

    @Test
    void clusterStartNeedsEmbedded() {
        var result = new CliRunner(dir).run("cluster", "start");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required option: '--embedded'");
    }

    @Test
    void startInEmbeddedModeRunsTheClusterAndReportsItHealthy() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), "kubernetes:\n  mode: embedded\n");
        var out = new StringWriter();
        var commandLine = Cli.commandLine(new CliRunner(dir).context(out, new StringWriter()));
        var start = (StartCommand) commandLine.getSubcommands().get("start").getCommand();
        var running = CompletableFuture.supplyAsync(() -> commandLine.execute("start", "--port", "0"));
        awaitFile(dir.resolve(".aidevops/controller.json"), running);

        var status = new CliRunner(dir).run("status", "--verbose");
        assertThat(status.exitCode()).as(status.out()).isZero();
        assertThat(status.out()).contains("embedded cluster, kubeconfig", "controller     HEALTHY   up");

        start.stopSignal.trigger();
        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(dir.resolve(".aidevops/cluster/kubeconfig")).doesNotExist();
        assertThat(new CliRunner(dir).run("status").out()).contains("embedded cluster is not running");
    }

    @Test
    void theDemoPromotesAGoodReleaseAndRollsBackABadOneEarly() throws Exception {
        var cli = new CliRunner(dir);

        var result = cli.run("demo", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("1/6", "2/6", "3/6", "4/6", "5/6", "6/6", "PROMOTED", "ROLLED_BACK",
                "evidence of look", "limit-forecast", "oom-killed");
        var report = JSON.readTree(result.out());
        assertThat(report.get("namespace").asText()).isEqualTo("demo");
        assertThat(report.get("pods")).hasSize(3);
        for (var pod : report.get("pods")) {
            assertThat(pod.get("image").asText()).endsWith(":1.4.0");
            assertThat(pod.get("requests").asDouble()).as("traffic served by %s", pod).isPositive();
            assertThat(pod.get("meanLatencyMs").asDouble()).isBetween(5.0, 500.0);
            assertThat(pod.get("memoryBytes").asDouble()).isPositive();
        }
        var good = report.at("/canaries/0");
        assertThat(good.get("image").asText()).endsWith(":1.5.0");
        assertThat(good.get("phase").asText()).isEqualTo("PROMOTED");
        assertThat(good.get("looks").asInt()).isEqualTo(good.get("plannedLooks").asInt());
        var bad = report.at("/canaries/1");
        assertThat(bad.get("image").asText()).endsWith(":1.6.0-bad");
        assertThat(bad.get("phase").asText()).isEqualTo("ROLLED_BACK");
        assertThat(bad.get("looks").asInt()).as("rolled back before the end").isLessThan(bad.get("plannedLooks").asInt());
        assertThat(bad.get("outcome").asText()).contains("error_rate");
        assertThat(Path.of(bad.get("report").asText())).isRegularFile();
        assertThat(report.get("finalImage").asText()).endsWith(":1.5.0");
        assertThat(report.get("kubeconfig").asText()).isEqualTo(".aidevops/demo/kubeconfig");
        assertThat(dir.resolve(".aidevops/demo/kubeconfig")).as("removed when the demo ends").doesNotExist();
        // The leaking hotfix: the memory limit is forecast before the first OOM kill, and the kill resolves after
        // the rollback.
        var alerts = report.get("alerts");
        var forecast = first(alerts, "limit-forecast");
        var oom = first(alerts, "oom-killed");
        assertThat(forecast.at("/alert/subject").asText()).isEqualTo("memory");
        assertThat(forecast.at("/alert/evidence/forecast/summary").asText()).startsWith("memory limit 256 MiB reached in ~");
        assertThat(java.time.Instant.parse(forecast.get("raisedAt").asText()))
                .isBefore(java.time.Instant.parse(oom.get("raisedAt").asText()));
        assertThat(oom.get("resolvedAt").isNull()).as("resolved after the rollback: %s", oom).isFalse();
        assertThat(Path.of(report.get("alertJournal").asText())).isRegularFile();
        var listed = cli.run("alerts", "--demo", "--all");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("limit-forecast", "oom-killed", "demo/shop-frontend");
        var one = cli.run("alerts", "--demo", forecast.at("/alert/fingerprint").asText().substring(0, 12));
        assertThat(one.out()).contains("forecast     memory limit 256 MiB reached in ~", "demo/shop-frontend memory");
    }

    private static com.fasterxml.jackson.databind.JsonNode first(com.fasterxml.jackson.databind.JsonNode alerts,
            String kind) {
        for (var alert : alerts) {
            if (alert.at("/alert/kind").asText().equals(kind.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))) {
                return alert;
            }
        }
        throw new AssertionError("no " + kind + " alert in " + alerts);
    }
}
