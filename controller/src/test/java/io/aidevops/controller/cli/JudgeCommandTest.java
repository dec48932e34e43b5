package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    @Test
    void judgesOneRequestAndExplainsEachMetric() throws Exception {
        Path input = write("one.json", """
                {"metrics": [
                  {"name": "latency_p99", "kind": "latency", "direction": "increase",
                   "baseline": %s, "canary": %s},
                  {"name": "errors", "kind": "error_rate",
                   "baseline": %s, "canary": %s}
                ], "thresholds": {"pass": 95, "marginal": 75}}
                """.formatted(series(60, 100, 5), series(60, 150, 5), zeros(60), zeros(60)));

        var result = cli.run("judge", "--input", input.toString(), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DECLINED);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode verdict = JSON.readTree(lines.get(0));
        assertThat(verdict.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(verdict.get("score").asDouble()).isEqualTo(50.0);
        assertThat(verdict.get("metrics").get(0).get("name").asText()).isEqualTo("latency_p99");
        assertThat(verdict.get("metrics").get(0).get("classification").asText()).isEqualTo("HIGH");
        assertThat(verdict.get("metrics").get(0).get("reason").asText()).contains("median ratio");
        assertThat(verdict.get("metrics").get(1).get("classification").asText()).isEqualTo("PASS");
    }

    @Test
    void judgesJsonLinesInOrderAndReportsBadLinesWithoutStopping() throws Exception {
        String good = "{\"metrics\":[{\"name\":\"cpu\",\"kind\":\"resource\",\"baseline\":" + series(30, 1, 0.05)
                + ",\"canary\":" + series(30, 1, 0.05) + "}]}";
        String emptyCanary = "{\"metrics\":[{\"name\":\"cpu\",\"baseline\":[1,2,3],\"canary\":[]}]}";
        String wrongKind = "{\"metrics\":[{\"name\":\"cpu\",\"kind\":\"speed\",\"baseline\":[1],\"canary\":[1]}]}";
        String text = "{\"metrics\":[{\"name\":\"x\",\"baseline\":[1,\"a\"],\"canary\":[1]}]}";
        Path input = write("many.jsonl", String.join("\n", good, emptyCanary, "{not json", wrongKind, text, good));

        var result = cli.run("judge", "--input", input.toString(), "--format", "json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(JSON.readTree(lines.get(0)).get("verdict").asText()).isEqualTo("PASS");
        assertThat(JSON.readTree(lines.get(1)).get("error").asText())
                .isEqualTo("line 2: metrics[0].canary is empty");
        assertThat(JSON.readTree(lines.get(2)).get("error").asText()).startsWith("line 3: not valid JSON");
        assertThat(JSON.readTree(lines.get(3)).get("error").asText()).contains("metrics[0].kind is 'speed'",
                "latency", "error_rate");
        assertThat(JSON.readTree(lines.get(4)).get("error").asText()).contains("metrics[0].baseline[1]");
        assertThat(JSON.readTree(lines.get(5)).get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void seriesOfDifferentLengthsAreJudgedNotRejected() throws Exception {
        Path input = write("lengths.json", "{\"metrics\":[{\"name\":\"latency\",\"kind\":\"latency\",\"baseline\":"
                + series(90, 10, 1) + ",\"canary\":" + series(25, 10, 1) + "}]}");

        var result = cli.run("judge", "--input", input.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("PASS", "latency", "90", "25");
    }

    @Test
    void kayentaJudgePassesSparseErrorsOverAZeroBaselineThatOursFails() throws Exception {
        double[] canary = new double[60];
        for (int i = 0; i < 60; i += 6) {
            canary[i] = 0.06;
        }
        Path input = write("errors.json", "{\"metrics\":[{\"name\":\"errors\",\"kind\":\"error_rate\",\"baseline\":"
                + zeros(60) + ",\"canary\":" + java.util.Arrays.toString(canary) + "}]}");

        var ours = cli.run("judge", "--input", input.toString(), "--format", "json");
        var kayenta = cli.run("judge", "--input", input.toString(), "--format", "json", "--judge", "kayenta");

        assertThat(JSON.readTree(ours.out()).get("verdict").asText()).isEqualTo("FAIL");
        assertThat(JSON.readTree(kayenta.out()).get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingIt() {
        var result = cli.run("judge", "--input", dir.resolve("nope.json").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nope.json", "no such file");
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Deterministic values around {@code centre}, spread by {@code spread}. */
    private static String series(int n, double centre, double spread) {
        var random = new java.util.SplittableRandom(n * 31L + (long) centre);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = centre + spread * (random.nextDouble() * 2 - 1);
        }
        return java.util.Arrays.toString(values);
    }

    private static String zeros(int n) {
        return java.util.Arrays.toString(new double[n]);
    }
}
