package io.aidevops.ai.anomaly.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scorer against NAB's published figures, on the corpus and the checked-in detector outputs in
 * {@code ../shared/data/nab} (research/nab.md section 3.9).
 */
class NabScorerTest {

    private static Path nab;
    private static Map<String, List<NabSeries.Window>> windows;
    private static Map<String, List<String>> timestamps;

    @BeforeAll
    static void readLabels() throws IOException {
        nab = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data")).resolve("nab");
        assertThat(nab.resolve("labels/combined_windows.json")).as("the shared NAB data").isRegularFile();
        JsonNode labels = new ObjectMapper().readTree(nab.resolve("labels/combined_windows.json").toFile());
        windows = new HashMap<>();
        timestamps = new HashMap<>();
        for (var it = labels.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<String> rows = Files.readAllLines(nab.resolve("data").resolve(entry.getKey())).stream().skip(1)
                    .map(line -> line.substring(0, line.indexOf(','))).toList();
            timestamps.put(entry.getKey(), rows);
            List<NabSeries.Window> list = new ArrayList<>();
            for (JsonNode pair : entry.getValue()) {
                list.add(new NabSeries.Window(row(rows, pair.get(0).asText()), row(rows, pair.get(1).asText())));
            }
            windows.put(entry.getKey(), list);
        }
    }

    @Test
    void probationIsFifteenPerCentCappedAt750() {
        assertThat(NabScorer.probation(4032)).isEqualTo(604);
        assertThat(NabScorer.probation(1243)).isEqualTo(186);
        assertThat(NabScorer.probation(22695)).isEqualTo(750);
    }

    @Test
    void sigmoidHasNabsKeyValues() {
        assertThat(NabScorer.sigmoid(-1)).isCloseTo(0.9866142981514305, within(1e-15));
        assertThat(NabScorer.sigmoid(0)).isZero();
        assertThat(NabScorer.sigmoid(1)).isCloseTo(-0.98661, within(1e-5));
        assertThat(NabScorer.sigmoid(3.5)).isEqualTo(-1);
    }

    @Test
    void theCorpusHas116Windows() {
        assertThat(windows).hasSize(58);
        assertThat(windows.values().stream().mapToInt(List::size).sum()).isEqualTo(116);
    }

    @Test
    void numentaScoresAsPublished() throws IOException {
        List<NabSeries> corpus = results("numenta");

        NabResult standard = NabScorer.optimise(corpus, NabProfile.STANDARD);
        assertThat(standard.raw()).isCloseTo(46.6345, within(1e-4));
        assertThat(standard.threshold()).isCloseTo(0.543099145074, within(1e-12));
        assertThat(standard.normalized()).isCloseTo(70.10, within(0.005));
        assertThat(NabScorer.optimise(corpus, NabProfile.REWARD_LOW_FP).normalized()).isCloseTo(63.21, within(0.005));
        assertThat(NabScorer.optimise(corpus, NabProfile.REWARD_LOW_FN).normalized()).isCloseTo(74.32, within(0.005));
        assertThat(NabScorer.scoreAt(corpus, NabProfile.STANDARD, standard.threshold()).raw())
                .as("scoring at the optimised threshold gives the optimised score").isCloseTo(standard.raw(),
                        within(1e-9));
    }

    @Test
    void windowedGaussianScoresAsPublished() throws IOException {
        List<NabSeries> corpus = results("windowedGaussian");

        assertThat(NabScorer.optimise(corpus, NabProfile.STANDARD).normalized()).isCloseTo(39.65, within(0.005));
        assertThat(NabScorer.optimise(corpus, NabProfile.REWARD_LOW_FP).normalized()).isCloseTo(20.87, within(0.005));
        assertThat(NabScorer.optimise(corpus, NabProfile.REWARD_LOW_FN).normalized()).isCloseTo(47.41, within(0.005));
    }

    @Test
    void theNullDetectorScoresZeroAndAPerfectOneHundred() {
        List<NabSeries> nulls = constant(series -> new double[series.size()], 0.5);
        for (NabProfile profile : NabProfile.all()) {
            assertThat(NabScorer.optimise(nulls, profile).normalized()).isZero();
        }
        List<NabSeries> perfect = new ArrayList<>();
        windows.forEach((name, list) -> {
            double[] scores = new double[timestamps.get(name).size()];
            list.forEach(window -> scores[window.start()] = 1);
            perfect.add(new NabSeries(name, scores, list));
        });
        assertThat(NabScorer.optimise(perfect, NabProfile.STANDARD).normalized()).isCloseTo(100, within(1e-9));
    }

    @Test
    void badScoresAreRefusedWithTheRow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NabSeries("x.csv", new double[] {0.1, 1.5},
                List.of())).withMessageContaining("x.csv: row 1 has anomaly score 1.5");
    }

    private static List<NabSeries> results(String detector) throws IOException {
        List<NabSeries> corpus = new ArrayList<>();
        for (var entry : windows.entrySet()) {
            Path relative = Path.of(entry.getKey());
            Path file = nab.resolve("results").resolve(detector).resolve(relative.getParent())
                    .resolve(detector + "_" + relative.getFileName());
            List<String> lines = Files.readAllLines(file);
            double[] scores = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                scores[i - 1] = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            }
            assertThat(scores).as(file.toString()).hasSize(timestamps.get(entry.getKey()).size());
            corpus.add(new NabSeries(entry.getKey(), scores, entry.getValue()));
        }
        return corpus;
    }

    private static List<NabSeries> constant(Function<List<String>, double[]> make, double value) {
        List<NabSeries> corpus = new ArrayList<>();
        windows.forEach((name, list) -> {
            double[] scores = make.apply(timestamps.get(name));
            java.util.Arrays.fill(scores, value);
            corpus.add(new NabSeries(name, scores, list));
        });
        return corpus;
    }

    private static int row(List<String> rows, String stamp) {
        String second = stamp.contains(".") ? stamp.substring(0, stamp.indexOf('.')) : stamp;
        int index = rows.indexOf(second);
        if (index < 0) {
            throw new IllegalStateException("no row at " + stamp);
        }
        return index;
    }
}
