package io.aidevops.monitor.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts the monitor raised, kept in a JSON Lines file (the CLI service's data directory, or {@code JENKINS_HOME})
 * until the incident module takes them over: one line per raise or resolve, appended, so a crash loses at most the
 * line being written. A restarted monitor adopts the open alerts and raises none of them again.
 *
 * <p>A line that cannot be read (a torn last line, a hand edit) is skipped with a warning naming the file and line;
 * the file is never truncated for it. When the file has grown to {@link #COMPACT_AFTER} lines it is rewritten with
 * the open alerts and the latest {@link #KEEP_RESOLVED} resolved ones, through a temporary file and an atomic move.
 * Thread-safe.
 */
public final class AlertJournal implements AlertSink {

    /** The file's name inside the folder given to {@link #open}. */
    public static final String FILE = "alerts.jsonl";
    static final int COMPACT_AFTER = 5_000;
    static final int KEEP_RESOLVED = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(AlertJournal.class);
    private static final ObjectMapper JSON = mapper();

    /** What happened to an alert, one line of the file. */
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
     * @param alert the alert as raised, with the evidence that raised it
     * @param latest the alert as the monitor last described it (when it resolved, for a resolved one)
     * @param raisedAt when it was raised
     * @param resolvedAt when it was resolved, or null while it is open
     */
    public record Entry(Alert alert, Alert latest, Instant raisedAt, Instant resolvedAt) {
        /** Whether it is still open. */
        public boolean open() {
            return resolvedAt == null;
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Consumer<Line>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private int lines;
    private int linesAfterCompaction;
    private boolean endsWithNewline = true;

    /**
     * The JSON form of alerts and journal lines: ISO-8601 times. For callers that render journal entries, so every
     * face shows the same JSON.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    private AlertJournal(Path file) {
        this.file = file;
    }

    /**
     * Opens the journal in {@code folder}, creating the folder, and reads what earlier runs wrote.
     *
     * @throws IOException if the folder cannot be created or the file not read
     */
    public static AlertJournal open(Path folder) throws IOException {
        Files.createDirectories(folder);
        var journal = new AlertJournal(folder.resolve(FILE));
        journal.load();
        return journal;
    }

    /** Reads the journal without creating anything: for commands that only show alerts. */
    public static AlertJournal read(Path folder) throws IOException {
        var journal = new AlertJournal(folder.resolve(FILE));
        journal.load();
        return journal;
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int number = 0;
        // Bytes that are not UTF-8 (a write torn inside a character, a hand edit in Latin-1) become U+FFFD, so
        // their line is reported and skipped instead of the whole journal failing to open.
        String content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
        endsWithNewline = content.isEmpty() || content.endsWith("\n");
        for (String text : content.split("\n", -1)) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            try {
                apply(JSON.readValue(text, Line.class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                String problem = file + ":" + number + ": skipped an unreadable alert line: " + reason(e);
                unreadable.add(problem);
                LOG.warn("{}", problem);
            }
        }
        lines = number;
        linesAfterCompaction = 0;
    }

    private static String reason(Exception e) {
        // A record's own check (a fingerprint that does not match its alert) says more than Jackson's wrapper.
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
        String reason = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        reason = String.valueOf(reason).lines().findFirst().orElse("");
        return reason.length() <= 160 ? reason : reason.substring(0, 157) + "...";
    }

    private void apply(Line line) {
        String fingerprint = line.alert().fingerprint();
        Entry known = entries.remove(fingerprint);
        if (line.change() == Change.RAISED) {
            boolean stillOpen = known != null && known.open();
            entries.put(fingerprint, new Entry(stillOpen ? known.alert() : line.alert(), line.alert(),
                    stillOpen ? known.raisedAt() : line.at(), null));
        } else {
            Alert raised = known != null ? known.alert() : line.alert();
            Instant raisedAt = known != null ? known.raisedAt() : line.alert().firstSeen();
            entries.put(fingerprint, new Entry(raised, line.alert(), raisedAt, line.at()));
        }
    }

    /** Calls {@code listener} with every line written from now on (on the writing thread). */
    public void onChange(Consumer<Line> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void raise(Alert alert) {
        write(new Line(Change.RAISED, alert.lastSeen(), alert));
    }

    @Override
    public void resolve(Alert alert, Instant at) {
        write(new Line(Change.RESOLVED, at, alert));
    }

    /**
     * Resolves an open alert known only by its fingerprint: one an earlier run raised whose cause is gone.
     *
     * @return whether it was open
     */
    public boolean resolve(String fingerprint, Instant at) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(fingerprint);
        }
        if (entry == null || !entry.open()) {
            return false;
        }
        resolve(entry.latest(), at);
        return true;
    }

    @Override
    public synchronized Collection<Alert> raisedAlerts() {
        return entries.values().stream().filter(Entry::open).map(Entry::latest).toList();
    }

    /** The open alerts, most recently raised first. */
    public synchronized List<Entry> open() {
        return entries.values().stream().filter(Entry::open)
                .sorted(Comparator.comparing(Entry::raisedAt).reversed()).toList();
    }

    /** Every alert the journal holds, open or resolved, most recently raised first. */
    public synchronized List<Entry> all() {
        return entries.values().stream().sorted(Comparator.comparing(Entry::raisedAt).reversed()).toList();
    }

    /** The latest resolved alerts, most recently resolved first, at most {@code limit} of them. */
    public synchronized List<Entry> resolved(int limit) {
        return entries.values().stream().filter(e -> !e.open())
                .sorted(Comparator.comparing(Entry::resolvedAt).reversed()).limit(limit).toList();
    }

    /** The lines that could not be read when the journal was opened, each with file and line. */
    public synchronized List<String> unreadableLines() {
        return List.copyOf(unreadable);
    }

    /** The file behind the journal. */
    public Path file() {
        return file;
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
                // After a torn append (disk full) the file ends mid-line: start on a line of our own.
                Files.writeString(file, endsWithNewline ? text : "\n" + text, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                endsWithNewline = true;
            } catch (IOException e) {
                endsWithNewline = false;
                // The monitor records this as its last error and offers the alert again at the next pass.
                throw new UncheckedIOException("cannot append to the alert journal " + file, e);
            }
            apply(line);
            lines++;
            // Compacting costs a rewrite: wait until the file has at least doubled since the last one, so many open
            // alerts (which compaction keeps) do not make every write a rewrite.
            if (lines >= Math.max(COMPACT_AFTER, 2 * linesAfterCompaction)) {
                compact();
            }
        }
        for (Consumer<Line> listener : listeners) {
            try {
                listener.accept(line);
            } catch (RuntimeException e) {
                // The line is written; a listener's trouble must not make the monitor raise the alert again.
                LOG.warn("an alert journal listener failed", e);
            }
        }
    }

    private void compact() {
        List<Entry> resolved = entries.values().stream().filter(e -> !e.open())
                .sorted(Comparator.comparing(Entry::resolvedAt).reversed()).limit(KEEP_RESOLVED).toList();
        List<Entry> keep = new ArrayList<>(entries.values().stream().filter(Entry::open).toList());
        keep.addAll(resolved);
        keep.sort(Comparator.comparing(Entry::raisedAt));
        StringBuilder text = new StringBuilder();
        int written = 0;
        try {
            for (Entry entry : keep) {
                text.append(JSON.writeValueAsString(new Line(Change.RAISED, entry.raisedAt(), entry.alert())))
                        .append('\n');
                written++;
                if (entry.open() && !entry.latest().equals(entry.alert())) {
                    // The latest evidence of an open alert survives compaction too.
                    text.append(JSON.writeValueAsString(new Line(Change.RAISED, entry.latest().lastSeen(),
                            entry.latest()))).append('\n');
                    written++;
                }
                if (!entry.open()) {
                    text.append(JSON.writeValueAsString(new Line(Change.RESOLVED, entry.resolvedAt(),
                            entry.latest()))).append('\n');
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
            // The long file is still whole; compacting is retried after the next line.
            LOG.warn("cannot compact the alert journal {}: {}", file, e.toString());
            return;
        }
        entries.clear();
        keep.forEach(entry -> entries.put(entry.alert().fingerprint(), entry));
        lines = written;
        linesAfterCompaction = written;
        endsWithNewline = true;
    }
}
