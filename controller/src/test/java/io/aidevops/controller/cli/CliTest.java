package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        var result = cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("init", "start", "status", "diagnostics", "demo", "cluster", "config",
                "version", "AIDEVOPS_CONFIG_PATH", "Exit codes");
    }

    @Test
    void everyCommandHasHelp() {
        for (var command : new String[][] {{"init"}, {"start"}, {"status"}, {"diagnostics"}, {"demo"},
                {"cluster", "start"}, {"config", "validate"}, {"config", "show"}, {"version"}}) {
            var args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--help";
            var result = cli.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).as(String.join(" ", args)).contains("Usage: aidevops " + String.join(" ", command));
        }
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        var unknownCommand = cli.run("deploy-everything");
        assertThat(unknownCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCommand.err()).contains("Unmatched argument", "deploy-everything");

        var unknownOption = cli.run("status", "--colour");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("Unknown option: '--colour'");

        var badFormat = cli.run("status", "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("--format", "xml");
    }

    @Test
    void completionCoversTheCommands() {
        var result = cli.run("generate-completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F", "diagnostics", "--verbose");
    }

    @Test
    void versionInTextAndJson() throws Exception {
        var text = cli.run("version");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith("aidevops 0.").contains("fabric8  7.");

        var json = JSON.readTree(cli.run("version", "--format", "json").out());
        assertThat(json.get("version").asText()).startsWith("0.");
        assertThat(json.get("fabric8").asText()).startsWith("7.");
    }

    @Test
    void initWritesAValidConfigurationAndNeverOverwritesWithoutForce() throws Exception {
        var first = cli.run("init");

        var config = dir.resolve("config/config.yaml");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Wrote config/config.yaml (valid", "aidevops status --verbose");
        assertThat(config).exists();
        assertThat(Files.readString(config)).contains("initial_weight: 20");

        Files.writeString(config, "server:\n  port: 9000\n");
        var second = cli.run("init");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(second.err()).contains("already exists", "--force");
        assertThat(Files.readString(config)).isEqualTo("server:\n  port: 9000\n");

        var forced = cli.run("init", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(config)).contains("initial_weight: 20");
    }

    @Test
    void initHonoursTheConfigPathVariable() {
        cli.env.put("AIDEVOPS_CONFIG_PATH", "etc/aidevops.yaml");

        var result = cli.run("init");

        assertThat(result.exitCode()).isZero();
        assertThat(dir.resolve("etc/aidevops.yaml")).exists();
        assertThat(dir.resolve("config/config.yaml")).doesNotExist();
    }

    @Test
    void anInvalidConfigurationExitsTwoNamingFileLineAndKey() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), "monitoring:\n  interval: -1\n");

        var validate = cli.run("config", "validate");
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).contains("config/config.yaml:2:13: monitoring.interval: value -1 is out of range");

        for (var command : new String[] {"config show", "start", "demo", "cluster start --embedded"}) {
            var result = cli.run(command.split(" "));
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(command).contains("monitoring.interval");
        }
    }

    @Test
    void configShowPrintsEffectiveValuesWithSecretsRedacted() throws Exception {
        cli.env.put("MY_TOKEN", "abc-very-secret");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), "kubernetes:\n  token: {env: MY_TOKEN}\n");

        var yaml = cli.run("config", "show");
        assertThat(yaml.exitCode()).isZero();
        assertThat(yaml.out()).contains("initial_weight: 20", "token: '<redacted: env MY_TOKEN>'")
                .doesNotContain("abc-very-secret");

        var json = JSON.readTree(cli.run("config", "show", "--format", "json").out());
        assertThat(json.at("/kubernetes/token").asText()).isEqualTo("<redacted: env MY_TOKEN>");
        assertThat(json.at("/monitoring/interval").asInt()).isEqualTo(30);
    }

    @Test
    void statusWithoutAClusterIsDegraded() throws Exception {
        var result = cli.run("status", "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("DEGRADED", "no cluster configured", "aidevops cluster start --embedded",
                "built-in defaults", "COMPONENT", "kubernetes", "unreachable", "controller", "stopped");

        var json = JSON.readTree(cli.run("status", "--format", "json").out());
        assertThat(json.get("health").asText()).isEqualTo("DEGRADED");
        assertThat(json.at("/kubernetes/problem").asText()).contains("no cluster configured");
        assertThat(json.get("components")).hasSize(6);
    }

    @Test
    void statusWithAnInvalidConfigurationIsUnusable() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), "kubernetes:\n  mode: cloud\n");

        var result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("UNUSABLE", "config/config.yaml:2:9: kubernetes.mode: unknown value 'cloud'");
    }

    @Test
    void theEnvironmentVariableNamesTheEnvironment() throws Exception {
        cli.env.put("AIDEVOPS_ENV", "staging");

        var json = JSON.readTree(cli.run("status", "--format", "json").out());

        assertThat(json.get("environment").asText()).isEqualTo("staging");
    }
    @Test
    void validateSpeaksJsonForMachines() throws Exception {
        var valid = JSON.readTree(cli.run("config", "validate", "--format", "json").out());
        assertThat(valid.get("valid").asBoolean()).isTrue();

        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), "server:\n  port: 0\n");
        var result = cli.run("config", "validate", "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        var invalid = JSON.readTree(result.out());
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.at("/problems/0/source").asText()).isEqualTo("config/config.yaml");
        assertThat(invalid.at("/problems/0/line").asInt()).isEqualTo(2);
        assertThat(invalid.at("/problems/0/key").asText()).isEqualTo("server.port");
    }

    @Test
    void initSaysSoWhenTheEnvironmentBreaksTheNewFile() {
        cli.env.put("AIDEVOPS_LOG_LEVEL", "loud");

        var result = cli.run("init");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Wrote config/config.yaml, but the configuration does not load",
                "AIDEVOPS_LOG_LEVEL");
        assertThat(dir.resolve("config/config.yaml")).exists();
    }
}
