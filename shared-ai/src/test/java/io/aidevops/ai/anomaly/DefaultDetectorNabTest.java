package io.aidevops.ai.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.anomaly.nab.NabProfile;
import io.aidevops.ai.anomaly.nab.NabScorer;
import io.aidevops.ai.anomaly.nab.NabSeries;
import org.junit.jupiter.api.Test;

/**
 * The registered detectors over the whole NAB corpus ({@code ../shared/data/nab}), fed one point at a time as a
 * live monitor would be, scored at NAB's optimised threshold and at the threshold each detector ships with. The
 * floors sit just under what was measured (module README); the corpus is not part of the checkout, so the tests are
 * skipped when it is absent.
 */
class DefaultDetectorNabTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void theDefaultDetectorScoresAtLeastWhatWasMeasured() throws IOException {
        assertThat(Detectors.DEFAULT).isEqualTo("composite");
        // Optimised standard, low FP, low FN, then the same at the shipped threshold (README figures, rounded down).
        assertFloors("composite", 72.4, 63.7, 77.2, 71.9, 62.4, 76.9);
    }

    @Test
    void theQuietVariantAndTheBaselineScoreAtLeastWhatWasMeasured() throws IOException {
        assertFloors("composite-quiet", 70.2, 65.3, 73.8, 69.7, 64.4, 73.5);
        assertFloors("ewma-z", 40.8, 31.7, 47.6, 38.0, 29.2, 42.0);
    }

    private static void assertFloors(String detector, double... floors) throws IOException {
        Path nab = Path.of(System.getProperty("aidevops.shared.data", "../../shared/data")).resolve("nab");
        assumeThat(nab.resolve("labels/combined_windows.json"))
                .as("the NAB corpus is not beside this checkout (aidevops.shared.data); nothing to measure")
                .isRegularFile();
        List<NabSeries> corpus = score(nab, detector);
        double threshold = Detectors.threshold(detector);
        List<NabProfile> profiles = NabProfile.all();
        for (int i = 0; i < profiles.size(); i++) {
            NabProfile profile = profiles.get(i);
            assertThat(NabScorer.optimise(corpus, profile).normalized())
                    .as(detector + ", " + profile.name() + ", optimised threshold").isGreaterThanOrEqualTo(floors[i]);
            assertThat(NabScorer.scoreAt(corpus, profile, threshold).normalized())
                    .as(detector + ", " + profile.name() + ", shipped threshold " + threshold)
                    .isGreaterThanOrEqualTo(floors[i + 3]);
        }
    }

    /** Runs a fresh detector over every file of the corpus. */
    private static List<NabSeries> score(Path nab, String detector) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(nab.resolve("labels/combined_windows.json").toFile());
        List<NabSeries> corpus = new ArrayList<>();
        for (var it = labels.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<String> lines = Files.readAllLines(nab.resolve("data").resolve(entry.getKey()));
            Map<String, Integer> rowOf = new HashMap<>();
            StreamingDetector scorer = Detectors.create(detector);
            double[] scores = new double[lines.size() - 1];
            for (int i = 0; i < scores.length; i++) {
                String line = lines.get(i + 1);
                int comma = line.indexOf(',');
                String stamp = line.substring(0, comma);
                rowOf.put(stamp, i);
                long seconds = LocalDateTime.parse(stamp, STAMP).toEpochSecond(ZoneOffset.UTC);
                scores[i] = scorer.score(seconds, Double.parseDouble(line.substring(comma + 1)));
            }
            List<NabSeries.Window> windows = new ArrayList<>();
            for (JsonNode pair : entry.getValue()) {
                windows.add(new NabSeries.Window(rowOf.get(second(pair.get(0).asText())),
                        rowOf.get(second(pair.get(1).asText()))));
            }
            corpus.add(new NabSeries(entry.getKey(), scores, windows));
        }
        return corpus;
    }

    private static String second(String stamp) {
        return stamp.contains(".") ? stamp.substring(0, stamp.indexOf('.')) : stamp;
    }
}
