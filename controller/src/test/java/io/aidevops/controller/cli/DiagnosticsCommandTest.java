package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

import io.aidevops.controller.logging.LogSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsCommandTest {
    private static final String KUBE_TOKEN = "kube-token-4f9a2c71";
    private static final String PROMETHEUS_TOKEN = "prom-token-88e1b0";
    private static final String UNRELATED_PASSWORD = "hunter2-db-password";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir);
        cli.env.put("AIDEVOPS_KUBE_TOKEN", KUBE_TOKEN);
        cli.env.put("DATABASE_PASSWORD", UNRELATED_PASSWORD);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/prometheus-token"), PROMETHEUS_TOKEN + "\n");
        Files.writeString(dir.resolve("config/config.yaml"), """
                kubernetes:
                  token: {env: AIDEVOPS_KUBE_TOKEN}
                monitoring:
                  prometheus:
                    url: http://127.0.0.1:1
                    bearer_token: {file: prometheus-token}
                """);
    }

    private static Map<String, String> entries(Path zip) throws IOException {
        var entries = new LinkedHashMap<String, String>();
        try (var file = new ZipFile(zip.toFile())) {
            var list = file.entries();
            while (list.hasMoreElements()) {
                var entry = list.nextElement();
                entries.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void writesABundleWithEverySecretRedacted() throws Exception {
        // A secret that reached the log (say, in an exception message) must not reach the bundle either.
        Files.createDirectories(dir.resolve(".aidevops/logs"));
        Files.writeString(dir.resolve(".aidevops/logs/aidevops.log.0"),
                "2026-11-27T10:00:00Z ERROR Client - 401 with Authorization: Bearer " + KUBE_TOKEN + "\n");
        LogSetup.configure(io.aidevops.controller.config.LogLevel.INFO);
        Logger.getLogger("test").severe("retrying with token " + PROMETHEUS_TOKEN);

        var result = cli.run("diagnostics", "--full");

        assertThat(result.exitCode()).isZero();
        var zip = dir.resolve(result.out().strip());
        assertThat(zip).exists().hasFileName("aidevops-diagnostics-20261127-101530.zip");
        assertThat(zip.getParent()).isEqualTo(dir.resolve(".aidevops/diagnostics"));
        var entries = entries(zip);
        assertThat(entries).containsKeys("README.txt", "versions.txt", "config/effective.yaml", "environment.json",
                "health.json", "logs/recent.log", "logs/aidevops.log.0", "threads.txt", "system-properties.txt");
        entries.forEach((name, content) -> assertThat(content).as(name)
                .doesNotContain(KUBE_TOKEN, PROMETHEUS_TOKEN, UNRELATED_PASSWORD));
        assertThat(entries.get("config/effective.yaml")).contains("<redacted: env AIDEVOPS_KUBE_TOKEN>",
                "<redacted: file prometheus-token>", "initial_weight: 20");
        assertThat(entries.get("logs/aidevops.log.0")).contains("401 with Authorization: <redacted>");
        assertThat(entries.get("environment.json")).contains("\"DATABASE_PASSWORD\" : \"<redacted>\"");
        assertThat(entries.get("health.json")).contains("\"health\"", "Prometheus at http://127.0.0.1:1");
        assertThat(entries.get("threads.txt")).contains("\"main\"");
        assertThat(entries.get("versions.txt")).contains("fabric8 kubernetes-client 7.");
    }

    @Test
    void withoutFullThereIsNoThreadDump() throws Exception {
        var result = cli.run("diagnostics", "--output", "bundle.zip", "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"path\" : \"bundle.zip\"");
        assertThat(entries(dir.resolve("bundle.zip"))).doesNotContainKeys("threads.txt", "system-properties.txt");
    }

    @Test
    void anInvalidConfigurationStillGivesABundleWithTheProblems() throws Exception {
        Files.writeString(dir.resolve("config/config.yaml"), "server:\n  prot: 80\n");

        var result = cli.run("diagnostics");

        assertThat(result.exitCode()).isZero();
        var entries = entries(dir.resolve(result.out().strip()));
        assertThat(entries).containsKey("config/problems.txt").doesNotContainKey("config/effective.yaml");
        assertThat(entries.get("config/problems.txt")).contains("config/config.yaml:2:3: server.prot: unknown key; "
                + "did you mean 'port'?");
        assertThat(entries.get("health.json")).contains("UNUSABLE");
    }

    @Test
    void theRecentLogIsIncluded() throws Exception {
        LogSetup.configure(io.aidevops.controller.config.LogLevel.INFO);
        Logger.getLogger("io.aidevops.test").info("a line worth keeping");

        var entries = entries(dir.resolve(cli.run("diagnostics").out().strip()));

        assertThat(entries.get("logs/recent.log")).contains("a line worth keeping");
    }
    @Test
    void secretsOfABrokenConfigurationAreRedactedToo() throws Exception {
        // A variable whose name does not look secret: only the configuration says it is one.
        cli.env.put("KUBE_BEARER", "bearer-value-9c1e77");
        Files.writeString(dir.resolve("config/config.yaml"), "kubernetes:\n  token: {env: KUBE_BEARER}\n"
                + "server:\n  prot: 80\n");

        var entries = entries(dir.resolve(cli.run("diagnostics", "--full").out().strip()));

        entries.forEach((name, content) -> assertThat(content).as(name).doesNotContain("bearer-value-9c1e77"));
        assertThat(entries.get("environment.json")).contains("\"KUBE_BEARER\" : \"<redacted>\"");
    }

    @Test
    void secretLookingSystemPropertiesAreRedacted() throws Exception {
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit-but-secret");
        try {
            var entries = entries(dir.resolve(cli.run("diagnostics", "--full").out().strip()));

            assertThat(entries.get("system-properties.txt")).contains("javax.net.ssl.trustStorePassword=<redacted>")
                    .doesNotContain("changeit-but-secret");
        } finally {
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
    }
}
