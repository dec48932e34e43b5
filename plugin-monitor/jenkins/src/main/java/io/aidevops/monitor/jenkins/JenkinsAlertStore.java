package io.aidevops.monitor.jenkins;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertSink;

/**
 * The monitor's {@link AlertSink} in Jenkins: every raise and resolve appended as one JSON line to
 * {@code JENKINS_HOME/aidevops-monitor/alerts.jsonl}. A restarted Jenkins reads the open alerts back, and the core's
 * monitor adopts them ({@link #raisedAlerts()}) instead of raising them again.
 *
 * <p>JSON Lines rather than an {@code XmlFile}: the core's alerts are records, which XStream cannot rebuild, and a
 * Jenkins-side copy of every alert type would be mapping for its own sake. Appending means a crash loses at most the
 * line being written; a line that cannot be read is skipped and reported, never truncated away. History is bounded:
 * once the file holds {@link #COMPACT_AFTER} lines it is rewritten with the open alerts and the latest
 * {@link #KEEP_RESOLVED} resolved ones, through a temporary file and an atomic move, so it never grows past that many
 * lines (plus the open alerts). Thread-safe.
 */
public final class JenkinsAlertStore implements AlertSink {

    /** The folder under {@code JENKINS_HOME}. */
    static final String FOLDER = "aidevops-monitor";
    /** The file's name inside it. */
    static final String FILE = "alerts.jsonl";
    static final int COMPACT_AFTER = 2_000;
    static final int KEEP_RESOLVED = 200;

    private static final Logger LOGGER = Logger.getLogger(JenkinsAlertStore.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** What happened to an alert. */
    public enum Change {
        RAISED, RESOLVED
    }

    /**
     * One line of the file.
     *
     * @param change raised or resolved
     * @param at when
     * @param alert the alert as it was then
     */
    public record Line(Change change, Instant at, Alert alert) {
        public Line {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * An alert and what became of it.
     *
     * @param alert the alert as last raised (or as resolved)
     * @param raisedAt when it was raised
     * @param resolvedAt when it was resolved, or null while it is open
     */
    public record Entry(Alert alert, Instant raisedAt, Instant resolvedAt) {
        /** Whether it is still open. */
        public boolean isOpen() {
            return resolvedAt == null;
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private int lines;

    private JenkinsAlertStore(Path file) {
        this.file = file;
    }

    /**
     * Opens the store in {@code folder} (created if missing) and reads what earlier runs wrote.
     *
     * @throws IOException if the folder cannot be created or the file not read
     */
    static JenkinsAlertStore open(File folder) throws IOException {
        Path dir = folder.toPath();
        Files.createDirectories(dir);
        JenkinsAlertStore store = new JenkinsAlertStore(dir.resolve(FILE));
        store.load();
        return store;
    }

    /** The mapper the store writes with (ISO-8601 times); thread-safe, shared with the JSON endpoint. */
    static ObjectMapper json() {
        return JSON;
    }

    private synchronized void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int number = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                apply(JSON.readValue(text, Line.class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                // A torn last line after a crash, or a hand edit: skip it, keep the rest.
                String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                String problem = file + ":" + number + ": skipped an unreadable alert line: " + reason;
                unreadable.add(problem);
                LOGGER.log(Level.WARNING, problem);
            }
        }
        lines = number;
    }

    private void apply(Line line) {
        String fingerprint = line.alert().fingerprint();
        Entry known = entries.remove(fingerprint);
        if (line.change() == Change.RAISED) {
            Instant raisedAt = known != null && known.isOpen() ? known.raisedAt() : line.at();
            entries.put(fingerprint, new Entry(line.alert(), raisedAt, null));
        } else {
            Instant raisedAt = known != null ? known.raisedAt() : line.alert().firstSeen();
            entries.put(fingerprint, new Entry(line.alert(), raisedAt, line.at()));
        }
    }

    @Override
    public void raise(Alert alert) {
        write(new Line(Change.RAISED, alert.lastSeen(), alert));
    }

    @Override
    public void resolve(Alert alert, Instant at) {
        write(new Line(Change.RESOLVED, at, alert));
    }

    @Override
    public synchronized Collection<Alert> raisedAlerts() {
        return entries.values().stream().filter(Entry::isOpen).map(Entry::alert).toList();
    }

    /** The open alerts, oldest first. */
    synchronized List<Entry> openEntries() {
        return entries.values().stream().filter(Entry::isOpen)
                .sorted(Comparator.comparing(Entry::raisedAt)).toList();
    }

    /** The latest resolved alerts, most recently resolved first. */
    synchronized List<Entry> resolvedEntries(int limit) {
        return entries.values().stream().filter(entry -> !entry.isOpen())
                .sorted(Comparator.comparing(Entry::resolvedAt).reversed()).limit(limit).toList();
    }

    /** The lines that could not be read when the store was opened, each with file and line number. */
    synchronized List<String> unreadableLines() {
        return List.copyOf(unreadable);
    }

    private void write(Line line) {
        String text;
        try {
            text = JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + line.alert().fingerprint() + " as JSON", e);
        }
        synchronized (this) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                // The core records this as the monitor's last error and offers the alert again at the next pass.
                throw new UncheckedIOException("cannot append to the alert store " + file, e);
            }
            apply(line);
            lines++;
            if (lines >= COMPACT_AFTER) {
                compact();
            }
        }
    }

    /** Rewrites the file with the open alerts and the latest resolved ones; on failure the long file stays. */
    private void compact() {
        List<Entry> keep = new ArrayList<>(entries.values().stream().filter(Entry::isOpen).toList());
        keep.addAll(entries.values().stream().filter(entry -> !entry.isOpen())
                .sorted(Comparator.comparing(Entry::resolvedAt).reversed()).limit(KEEP_RESOLVED).toList());
        keep.sort(Comparator.comparing(Entry::raisedAt));
        StringBuilder text = new StringBuilder();
        int written = 0;
        try {
            for (Entry entry : keep) {
                text.append(JSON.writeValueAsString(new Line(Change.RAISED, entry.raisedAt(), entry.alert())))
                        .append('\n');
                written++;
                if (!entry.isOpen()) {
                    text.append(JSON.writeValueAsString(new Line(Change.RESOLVED, entry.resolvedAt(),
                            entry.alert()))).append('\n');
                    written++;
                }
            }
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot compact the alert store " + file + "; retried after the next line", e);
            return;
        }
        entries.clear();
        keep.forEach(entry -> entries.put(entry.alert().fingerprint(), entry));
        lines = written;
    }
}
