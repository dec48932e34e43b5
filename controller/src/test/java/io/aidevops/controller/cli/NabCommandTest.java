package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aidevops nab} on the shared NAB corpus and NAB's published detector results. */
class NabCommandTest {

    private static final Path NAB = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data"))
            .resolve("nab").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void scoresNumentasResultsAsNabPublishedThem() throws Exception {
        var result = new CliRunner(dir).run("nab", "--data", NAB.toString(), "--results",
                NAB.resolve("results/numenta").toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("windows").asInt()).isEqualTo(116);
        assertThat(report.at("/profiles/0/optimised/normalized").asDouble()).isBetween(70.095, 70.105);
        assertThat(report.at("/profiles/1/optimised/normalized").asDouble()).isBetween(63.205, 63.215);
        assertThat(report.at("/profiles/2/optimised/normalized").asDouble()).isBetween(74.315, 74.325);
        assertThat(report.at("/profiles/0/fixed/threshold").asDouble()).isEqualTo(0.9);
    }

    @Test
    void aBrokenResultsFileIsAUsageErrorNamingFileAndLine() throws Exception {
        Path results = dir.resolve("mine");
        var source = NAB.resolve("results/numenta");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv")).toList()) {
                Path target = results.resolve(source.relativize(file).toString().replace("numenta_", "mine_"));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path broken = results.resolve("realKnownCause/mine_nyc_taxi.csv");
        var lines = Files.readAllLines(broken);
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',') + 1) + "high");
        Files.write(broken, lines);

        var result = new CliRunner(dir).run("nab", "--data", NAB.toString(), "--results", results.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("mine_nyc_taxi.csv:4", "anomaly_score 'high' is not a number");
    }

    @Test
    void aMissingCorpusIsAUsageError() {
        var result = new CliRunner(dir).run("nab", "--data", dir.toString(), "--results", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("combined_windows.json", "not found");
    }
}
