package io.aidevops.controller.nab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code timestamp,value} CSV file (NAB's data format): timestamps {@code YYYY-MM-DD HH:MM:SS} (or with a
 * {@code T}), in UTC, never going back in time; finite numeric values. Every problem names the file and the line.
 *
 * @param timestamps each row's timestamp as written
 * @param epochSeconds each row's time
 * @param values each row's value
 */
public record TimeSeriesCsv(List<String> timestamps, long[] epochSeconds, double[] values) {

    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Reads {@code file}, refusing a timestamp earlier than the one before.
     *
     * @throws NabCorpus.NabFormatException naming the file and line of the first problem
     */
    public static TimeSeriesCsv read(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * Reads {@code file}.
     *
     * @param ordered whether a timestamp earlier than the one before is an error; NAB's own corpus has such a row
     *        in one of its files, which NAB scores as it is
     * @throws NabCorpus.NabFormatException naming the file and line of the first problem
     */
    public static TimeSeriesCsv read(Path file, boolean ordered) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NabCorpus.NabFormatException(file + ": not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new NabCorpus.NabFormatException(file + ": not UTF-8 text");
        }
        if (lines.isEmpty() || !lines.get(0).trim().toLowerCase(java.util.Locale.ROOT).startsWith("timestamp,value")) {
            throw new NabCorpus.NabFormatException(file + ":1: expected the header timestamp,value");
        }
        List<String> stamps = new ArrayList<>();
        long[] seconds = new long[lines.size() - 1];
        double[] values = new double[lines.size() - 1];
        int rows = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = file + ":" + (i + 1) + ": ";
            if (cells.length < 2) {
                throw new NabCorpus.NabFormatException(where + "expected timestamp,value but found '" + line + "'");
            }
            long time;
            try {
                String stamp = cells[0].trim();
                time = LocalDateTime.parse(stamp.replace('T', ' ').replaceAll("\\.\\d+$", ""), SPACE)
                        .toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new NabCorpus.NabFormatException(where + "timestamp '" + cells[0] + "' is not YYYY-MM-DD "
                        + "HH:MM:SS");
            }
            double value;
            try {
                value = Double.parseDouble(cells[1].trim());
            } catch (NumberFormatException e) {
                throw new NabCorpus.NabFormatException(where + "value '" + cells[1] + "' is not a number");
            }
            if (!Double.isFinite(value)) {
                throw new NabCorpus.NabFormatException(where + "value " + cells[1].trim() + " is not finite");
            }
            if (ordered && rows > 0 && time < seconds[rows - 1]) {
                throw new NabCorpus.NabFormatException(where + "timestamp " + cells[0].trim() + " goes back in "
                        + "time (the row before is " + stamps.get(rows - 1) + ")");
            }
            stamps.add(cells[0].trim());
            seconds[rows] = time;
            values[rows] = value;
            rows++;
        }
        return new TimeSeriesCsv(List.copyOf(stamps), java.util.Arrays.copyOf(seconds, rows),
                java.util.Arrays.copyOf(values, rows));
    }

    /** Rows read. */
    public int rows() {
        return values.length;
    }
}
