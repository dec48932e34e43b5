package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aidevops forecast}, and {@code aidevops bench forecast} on the shared NAB corpus. */
class ForecastCommandTest {

    private static final Path NAB = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data"))
            .resolve("nab").toAbsolutePath();

    @TempDir
    Path dir;

    /** Memory rising 2 MiB a minute from 300 MiB with a small wobble, one row a minute for three hours. */
    private void writeLeak() throws Exception {
        var csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 180; i++) {
            csv.append(String.format(Locale.ROOT, "2026-01-01 %02d:%02d:00,%.2f%n", i / 60, i % 60,
                    300 + 2 * i + Math.sin(i * 1.7)));
        }
        Files.writeString(dir.resolve("memory.csv"), csv);
    }

    @Test
    void forecastsALeakAndSaysWhenItReachesTheLimit() throws Exception {
        writeLeak();

        var result = new CliRunner(dir).run("forecast", "--input", "memory.csv", "--horizon", "2h", "--limit",
                "720", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("rows").asInt()).isEqualTo(180);
        assertThat(report.at("/model/stepSeconds").asLong()).isEqualTo(60);
        assertThat(report.at("/model/season").asText()).isEqualTo("none");
        assertThat(report.get("forecast")).hasSize(120);
        assertThat(report.at("/forecast/0/time").asText()).isEqualTo("2026-01-01T03:00:00Z");
        // Last value about 658; 720 is 31 minutes further along the line.
        assertThat(report.at("/breach/reached").asBoolean()).isTrue();
        assertThat(report.at("/breach/expectedSeconds").asLong()).isBetween(25 * 60L, 40 * 60L);
        assertThat(report.at("/breach/earliestSeconds").asLong())
                .isLessThanOrEqualTo(report.at("/breach/expectedSeconds").asLong());
        assertThat(report.at("/breach/sentence").asText()).startsWith("limit 720 reached in ~");
    }

    @Test
    void textNamesTheModelAndTheBreachOrItsAbsence() throws Exception {
        writeLeak();
        var cli = new CliRunner(dir);

        var reached = cli.run("forecast", "--input", "memory.csv", "--limit", "700");
        assertThat(reached.exitCode()).as(reached.err()).isZero();
        assertThat(reached.out()).contains("Forecast of memory.csv: 180 rows, one every 1m", "season none",
                "80 % INTERVAL", "limit 700 reached in ~");
        assertThat(reached.out().lines().filter(line -> line.startsWith("  2026-")).count()).isEqualTo(12);

        var floor = cli.run("forecast", "--input", "memory.csv", "--limit", "100", "--below", "--horizon", "30m");
        assertThat(floor.out()).contains("limit 100 not reached within 30m");
    }

    @Test
    void aSeasonCanBeGivenOrRefused() throws Exception {
        var csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 3 * 96; i++) {
            csv.append(String.format(Locale.ROOT, "2026-01-%02d %02d:%02d:00,%.2f%n", 1 + i / 96, i % 96 / 4,
                    i % 4 * 15, 50 + 10 * Math.sin(2 * Math.PI * i / 96)));
        }
        Files.writeString(dir.resolve("daily.csv"), csv);
        var cli = new CliRunner(dir);

        var daily = cli.run("forecast", "--input", "daily.csv", "--season", "daily", "--format", "json");
        assertThat(daily.exitCode()).as(daily.err()).isZero();
        assertThat(new ObjectMapper().readTree(daily.out()).at("/model/seasonLength").asInt()).isEqualTo(96);
        var none = cli.run("forecast", "--input", "daily.csv", "--season", "none", "--format", "json");
        assertThat(new ObjectMapper().readTree(none.out()).at("/model/season").asText()).isEqualTo("none");
        // A week is 672 steps of 15 minutes; three days are too few to start it, so there is no season yet.
        var weekly = cli.run("forecast", "--input", "daily.csv", "--season", "weekly", "--format", "json");
        assertThat(weekly.exitCode()).as(weekly.err()).isZero();
        assertThat(new ObjectMapper().readTree(weekly.out()).at("/model/season").asText()).isEqualTo("none");
        var tooLong = cli.run("forecast", "--input", "daily.csv", "--season", "5000");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLong.err()).contains("--season 5000 is 5000 steps; at most 2016");
        assertThat(cli.run("forecast", "--input", "daily.csv", "--season", "often").err())
                .contains("--season must be auto, none, daily, weekly or a number of steps");
    }

    @Test
    void badInputIsAUsageErrorWithTheLine() throws Exception {
        Files.writeString(dir.resolve("text.csv"), "timestamp,value\n2026-01-01 00:00:00,1\n2026-01-01 00:01:00,x\n");
        Files.writeString(dir.resolve("back.csv"), "timestamp,value\n2026-01-01 00:05:00,1\n2026-01-01 00:01:00,2\n");
        Files.writeString(dir.resolve("one.csv"), "timestamp,value\n2026-01-01 00:05:00,1\n");
        writeLeak();
        var cli = new CliRunner(dir);

        var text = cli.run("forecast", "--input", "text.csv");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(text.err()).contains("text.csv:3: value 'x' is not a number");
        var back = cli.run("forecast", "--input", "back.csv");
        assertThat(back.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(back.err()).contains("back.csv:3: timestamp", "goes back");
        assertThat(cli.run("forecast", "--input", "one.csv").err()).contains("needs at least 2");
        assertThat(cli.run("forecast", "--input", "missing.csv").err()).contains("missing.csv: not found");
        var horizon = cli.run("forecast", "--input", "memory.csv", "--horizon", "soon");
        assertThat(horizon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(horizon.err()).contains("--horizon 'soon' is not a duration");
        assertThat(cli.run("forecast", "--input", "memory.csv", "--below").err()).contains("--below needs --limit");
    }

    @Test
    void benchForecastMeasuresTheCorpus() throws Exception {
        var result = new CliRunner(dir).run("bench", "forecast", "--data", NAB.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("58/58 files", "58 series forecast in");
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("series")).hasSize(58);
        // The figures NabForecastTest in shared-ai pins down.
        assertThat(report.at("/ours/oneStep").asDouble()).isCloseTo(26.98, org.assertj.core.api.Assertions.within(0.01));
        assertThat(report.at("/lastValue/oneStep").asDouble())
                .isCloseTo(28.87, org.assertj.core.api.Assertions.within(0.01));
        assertThat(report.at("/seasonalNaive/tail").asDouble())
                .isCloseTo(42.44, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void benchForecastWithoutTheCorpusIsAUsageError() {
        var result = new CliRunner(dir).run("bench", "forecast", "--data", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("combined_windows.json", "not found");
    }
}
