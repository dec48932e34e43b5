package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aidevops detect}, and {@code aidevops nab --detector} on the shared NAB corpus. */
class DetectCommandTest {

    private static final Path NAB = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data"))
            .resolve("nab").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theHelpNamesEveryRegisteredDetector() {
        var help = new CliRunner(dir).run("detect", "--help").out();

        for (String name : io.aidevops.ai.anomaly.Detectors.names()) {
            assertThat(help).contains(name);
        }
    }

    @Test
    void writesOneScoredRowPerInputRowAndFlagsALevelShift() throws Exception {
        var csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 600; i++) {
            double value = (i < 400 ? 10 : 40) + Math.sin(i);
            csv.append(String.format("2026-01-01 %02d:%02d:00,%s%n", i / 60, i % 60, value));
        }
        Files.writeString(dir.resolve("series.csv"), csv);

        var result = new CliRunner(dir).run("detect", "--input", "series.csv", "--output", "scores.csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var lines = Files.readAllLines(dir.resolve("scores.csv"));
        assertThat(lines).hasSize(601);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score");
        assertThat(score(lines.get(301))).as("row 300, before the shift").isLessThan(0.5);
        assertThat(score(lines.get(401))).as("row 400, the shift").isGreaterThanOrEqualTo(0.9);
        assertThat(score(lines.get(403))).as("row 402, cooling down after the alarm").isLessThan(0.5);
    }

    @Test
    void malformedRowsAreUsageErrorsWithTheLine() throws Exception {
        Files.writeString(dir.resolve("text.csv"), "timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 00:01:00,x\n");
        Files.writeString(dir.resolve("back.csv"), "timestamp,value\n2026-01-01 00:05:00,1\n2026-01-01 00:01:00,2\n");
        Files.writeString(dir.resolve("nan.csv"), "timestamp,value\n2026-01-01 00:00:00,NaN\n");
        Files.writeString(dir.resolve("header.csv"), "time;value\n");

        var cli = new CliRunner(dir);
        assertThat(cli.run("detect", "--input", "text.csv").err()).contains("text.csv:3: value 'x' is not a number");
        assertThat(cli.run("detect", "--input", "back.csv").err()).contains("back.csv:3: timestamp", "goes back");
        assertThat(cli.run("detect", "--input", "nan.csv").err()).contains("nan.csv:2: value NaN is not finite");
        var header = cli.run("detect", "--input", "header.csv");
        assertThat(header.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(header.err()).contains("header.csv:1: expected the header timestamp,value");
        assertThat(cli.run("detect", "--input", "text.csv", "--detector", "magic").err())
                .contains("unknown detector 'magic'");
    }

    @Test
    void theDefaultDetectorsNabScoreIsMeasuredOnTheCorpus() throws Exception {
        var result = new CliRunner(dir).run("nab", "--data", NAB.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("results").asText()).isEqualTo("detector composite");
        // The composite detector measures 72.48, 71.99 at the shipped threshold (shared-ai README); the monitoring
        // issue's target is 75.
        assertThat(report.at("/profiles/0/optimised/normalized").asDouble()).isBetween(72.2, 72.7);
        assertThat(report.at("/profiles/0/fixed/threshold").asDouble()).as("the shipped threshold").isEqualTo(0.5);
        assertThat(report.at("/profiles/0/fixed/normalized").asDouble()).isBetween(71.7, 72.2);
    }

    private static double score(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
    }
}
