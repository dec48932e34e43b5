package io.aidevops.controller.nab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.anomaly.nab.NabSeries;

/**
 * Reads the Numenta Anomaly Benchmark's corpus (its {@code data/} and {@code labels/combined_windows.json}) and a
 * detector's results in NAB's format ({@code <category>/<detector>_<file>.csv} with columns
 * {@code timestamp,value,anomaly_score}). Every problem names the file and the line.
 */
public final class NabCorpus {

    private final Path root;
    private final Map<String, List<String>> timestamps;
    private final Map<String, List<NabSeries.Window>> windows;

    private NabCorpus(Path root, Map<String, List<String>> timestamps, Map<String, List<NabSeries.Window>> windows) {
        this.root = root;
        this.timestamps = timestamps;
        this.windows = windows;
    }

    /**
     * Reads the corpus under {@code root} (the folder holding {@code data/} and {@code labels/}).
     *
     * @throws NabFormatException naming the file and line of the first problem
     */
    public static NabCorpus read(Path root) throws IOException {
        Path labels = root.resolve("labels").resolve("combined_windows.json");
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(labels.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NabFormatException(labels + ": not found; --data must name the NAB folder that holds data/ "
                    + "and labels/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NabFormatException(labels + ": not valid JSON: " + e.getOriginalMessage());
        }
        Map<String, List<String>> timestamps = new TreeMap<>();
        Map<String, List<NabSeries.Window>> windows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            var entry = it.next();
            Path file = root.resolve("data").resolve(entry.getKey());
            List<String> rows = new ArrayList<>();
            List<String> lines = lines(file);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new NabFormatException(file + ":" + (i + 1) + ": expected timestamp,value");
                }
                rows.add(line.substring(0, comma));
            }
            List<NabSeries.Window> list = new ArrayList<>();
            for (JsonNode pair : entry.getValue()) {
                list.add(new NabSeries.Window(row(rows, pair.get(0).asText(), labels, entry.getKey()),
                        row(rows, pair.get(1).asText(), labels, entry.getKey())));
            }
            timestamps.put(entry.getKey(), rows);
            windows.put(entry.getKey(), list);
        }
        return new NabCorpus(root, timestamps, windows);
    }

    /** The data files, as paths relative to {@code data/}, in order. */
    public List<String> files() {
        return List.copyOf(timestamps.keySet());
    }

    /** The number of labelled windows. */
    public int windowCount() {
        return windows.values().stream().mapToInt(List::size).sum();
    }

    /**
     * A detector's results for every file of the corpus.
     *
     * @param results the detector's results folder ({@code results/<detector>})
     * @throws NabFormatException naming the file and line of the first problem
     */
    public List<NabSeries> results(Path results) throws IOException {
        String detector = results.getFileName().toString();
        List<NabSeries> corpus = new ArrayList<>();
        for (String name : files()) {
            Path relative = Path.of(name);
            Path file = results.resolve(relative.getParent() == null ? Path.of("") : relative.getParent())
                    .resolve(detector + "_" + relative.getFileName());
            List<String> lines = lines(file);
            int rows = timestamps.get(name).size();
            if (lines.size() - 1 != rows) {
                throw new NabFormatException(file + ": has " + (lines.size() - 1) + " rows, the data file has "
                        + rows);
            }
            double[] scores = new double[rows];
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                String cell = line.substring(line.lastIndexOf(',') + 1).trim();
                try {
                    scores[i - 1] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new NabFormatException(file + ":" + (i + 1) + ": anomaly_score '" + cell
                            + "' is not a number");
                }
                if (!(scores[i - 1] >= 0 && scores[i - 1] <= 1)) {
                    throw new NabFormatException(file + ":" + (i + 1) + ": anomaly_score " + cell
                            + " is outside [0, 1]");
                }
            }
            corpus.add(new NabSeries(name, scores, windows.get(name)));
        }
        return corpus;
    }

    /**
     * Runs a detector over every data file, a fresh instance per file.
     *
     * @param detector makes the detector of one file
     * @param progress told the number of files done after each file
     * @throws NabFormatException naming the file and line of a malformed data row
     */
    public List<NabSeries> run(java.util.function.Supplier<io.aidevops.ai.anomaly.StreamingDetector> detector,
            java.util.function.IntConsumer progress) throws IOException {
        List<NabSeries> corpus = new ArrayList<>();
        for (String name : files()) {
            TimeSeriesCsv series = TimeSeriesCsv.read(root.resolve("data").resolve(name), false);
            var scorer = detector.get();
            double[] scores = new double[series.rows()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = scorer.score(series.epochSeconds()[i], series.values()[i]);
            }
            corpus.add(new NabSeries(name, scores, windows.get(name)));
            progress.accept(corpus.size());
        }
        return corpus;
    }

    /** The folder this corpus was read from. */
    public Path root() {
        return root;
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NabFormatException(file + ": not found");
        }
    }

    private static int row(List<String> rows, String stamp, Path labels, String name) throws NabFormatException {
        // Labels carry microseconds; the rows do not.
        String second = stamp.contains(".") ? stamp.substring(0, stamp.indexOf('.')) : stamp;
        int index = rows.indexOf(second);
        if (index < 0) {
            throw new NabFormatException(labels + ": window edge " + stamp + " of " + name + " is not a row of "
                    + "its data file");
        }
        return index;
    }

    /** The corpus or a results file is not in NAB's format. */
    public static final class NabFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        NabFormatException(String message) {
            super(message);
        }
    }
}
