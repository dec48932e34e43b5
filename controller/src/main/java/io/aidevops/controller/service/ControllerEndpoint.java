package io.aidevops.controller.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a running controller service can be reached. {@code aidevops start} writes it to
 * {@code <data_dir>/controller.json} and removes it when it stops, so {@code aidevops status} can find the service.
 *
 * @param pid     the service's process id
 * @param url     its base URL, e.g. {@code http://127.0.0.1:8080}
 * @param started when it started
 */
public record ControllerEndpoint(long pid, String url, Instant started) {
    /** The file's name inside the data folder. */
    public static final String FILE = "controller.json";
    private static final ObjectMapper JSON = Json.mapper();

    /** Writes this endpoint atomically into {@code dataDir}. */
    public void write(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        var temporary = Files.createTempFile(dataDir, FILE, ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the endpoint recorded in {@code dataDir}, if a readable one is there */
    public static Optional<ControllerEndpoint> read(Path dataDir) {
        var file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ControllerEndpoint.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the record, if it is this process's. */
    public static void remove(Path dataDir, long pid) {
        read(dataDir).filter(e -> e.pid() == pid).ifPresent(e -> {
            try {
                Files.deleteIfExists(dataDir.resolve(FILE));
            } catch (IOException ignored) {
                // a stale record is detected by the next status check's probe
            }
        });
    }
}
