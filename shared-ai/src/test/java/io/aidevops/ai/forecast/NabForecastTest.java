package io.aidevops.ai.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecaster against the naive baselines on the held-out last 15 % of every NAB series
 * ({@code ../shared/data/nab}, research/nab.md).
 */
class NabForecastTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static ForecastReport report;

    @BeforeAll
    static void evaluate() throws IOException {
        Path data = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data")).resolve("nab/data");
        assumeTrue(Files.isDirectory(data), "the shared NAB corpus is not at " + data.toAbsolutePath()
                + "; set -Daidevops.shared.data");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        List<SeriesEvaluation> series = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            long[] times = new long[lines.size() - 1];
            double[] values = new double[times.length];
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int comma = line.indexOf(',');
                times[i - 1] = LocalDateTime.parse(line.substring(0, comma), STAMP).toEpochSecond(ZoneOffset.UTC);
                values[i - 1] = Double.parseDouble(line.substring(comma + 1));
            }
            series.add(ForecastEvaluation.series(data.relativize(file).toString(), times, values));
        }
        report = ForecastEvaluation.report(series);
    }

    @Test
    void everySeriesIsEvaluated() {
        assertThat(report.series()).hasSize(58);
    }

    /**
     * Measured with 85 % trained, means over the 58 series of sMAPE in per cent (ours / last value / seasonal
     * naive): one step 26.98 / 28.87 / 36.72, 12 steps 32.57 / 37.80 / 38.06, whole tail 43.22 / 50.95 / 42.44.
     * The floors sit just under those ratios, so a change that loses accuracy fails here.
     */
    @Test
    void oursBeatsTheLastValueEverywhereAndTheSeasonalNaiveUpToAnHour() {
        assertThat(report.ours().oneStep() / report.lastValue().oneStep()).isLessThan(0.94);
        assertThat(report.ours().hour() / report.lastValue().hour()).isLessThan(0.87);
        assertThat(report.ours().tail() / report.lastValue().tail()).isLessThan(0.86);
        assertThat(report.ours().oneStep() / report.seasonalNaive().oneStep()).isLessThan(0.74);
        assertThat(report.ours().hour() / report.seasonalNaive().hour()).isLessThan(0.86);
    }

    /** Forecasting two days ahead from one point, the seasonal naive forecast is as good as ours: within 2 %. */
    @Test
    void onTheWholeTailOursIsLevelWithTheSeasonalNaive() {
        assertThat(report.ours().tail() / report.seasonalNaive().tail()).isLessThan(1.03);
    }

    @Test
    void theEightyPerCentIntervalCoversAtLeastEightyPerCent() {
        assertThat(report.ours().coverage80()).isBetween(0.80, 0.88);
    }
}
