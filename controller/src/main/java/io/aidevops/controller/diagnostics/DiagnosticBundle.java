package io.aidevops.controller.diagnostics;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.controller.SuiteVersion;
import io.aidevops.controller.config.ConfigException;
import io.aidevops.controller.config.ConfigRenderer;
import io.aidevops.controller.config.LoadedConfig;
import io.aidevops.controller.config.Secret;
import io.aidevops.controller.service.Json;
import io.aidevops.controller.status.StatusReport;

/**
 * Writes the zip a user attaches to a bug report: effective configuration (secrets redacted), environment, versions,
 * component health, the recent log and, when asked, a thread dump. Every text entry goes through one
 * {@link Redactor}, so a secret cannot slip out through an entry added later.
 */
public final class DiagnosticBundle {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.pretty();
    private static final int LOG_LINES = 1000;

    /**
     * What goes into a bundle.
     *
     * @param config      the loaded configuration, or empty when it could not be loaded
     * @param configError why it could not be loaded, or empty
     * @param status      the health check's report
     * @param environment the process environment
     * @param logFiles    log files to include the end of, newest last
     * @param recentLog   lines this process logged
     * @param full        whether to add a thread dump and system properties
     */
    public record Contents(Optional<LoadedConfig> config, Optional<ConfigException> configError, StatusReport status,
                           Map<String, String> environment, List<Path> logFiles, List<String> recentLog,
                           boolean full) {
        /** Without the environment's values, which may hold secrets. */
        @Override
        public String toString() {
            return "Contents[" + environment.size() + " variables, " + logFiles.size() + " log files, full=" + full
                    + "]";
        }
    }

    private final Clock clock;

    /** @param clock for the bundle's name and timestamp */
    public DiagnosticBundle(Clock clock) {
        this.clock = clock;
    }

    /** @return the file name for a bundle written now, e.g. {@code aidevops-diagnostics-20261127-101502.zip} */
    public String fileName() {
        return "aidevops-diagnostics-" + STAMP.format(clock.instant()) + ".zip";
    }

    /**
     * Writes the bundle.
     *
     * @param contents what to include
     * @param target   the zip file to create (its folder is created)
     * @return the names of the entries written
     */
    public List<String> write(Contents contents, Path target) throws IOException {
        var secrets = contents.config().map(c -> ConfigRenderer.secrets(c.config()))
                .or(() -> contents.configError().map(ConfigException::secrets)).orElse(List.of())
                .stream().map(Secret::reveal).toList();
        var redactor = Redactor.of(secrets, contents.environment());
        var entries = new LinkedHashMap<String, String>();
        entries.put("README.txt", readme(contents));
        entries.put("versions.txt", versions());
        contents.config().ifPresent(c -> entries.put("config/effective.yaml", "# sources: " + c.describeSource()
                + "\n# environment: " + c.environment() + ", log level " + c.logLevel() + " (from "
                + c.logLevelSource() + ")\n" + ConfigRenderer.toYaml(c.config())));
        contents.configError().ifPresent(e -> entries.put("config/problems.txt", e.getMessage() + "\n"));
        entries.put("environment.json", JSON.writeValueAsString(environment(contents, redactor)));
        entries.put("health.json", JSON.writeValueAsString(contents.status()));
        entries.put("logs/recent.log", String.join("", contents.recentLog()));
        for (var logFile : contents.logFiles()) {
            if (Files.isRegularFile(logFile)) {
                entries.put("logs/" + logFile.getFileName(), tail(logFile));
            }
        }
        if (contents.full()) {
            entries.put("threads.txt", threadDump());
            entries.put("system-properties.txt", systemProperties(redactor));
        }

        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(target); var zip = new ZipOutputStream(file)) {
            for (var entry : entries.entrySet()) {
                var zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(clock.millis());
                zip.putNextEntry(zipEntry);
                zip.write(redactor.redact(entry.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return List.copyOf(entries.keySet());
    }

    private String readme(Contents contents) {
        return "AI DevOps Suite diagnostic bundle, written " + clock.instant() + "\n\n"
                + "versions.txt            suite, Java and library versions\n"
                + "config/effective.yaml   the configuration in effect (secrets replaced by where they come from)\n"
                + "config/problems.txt     why the configuration could not be loaded (only when it could not)\n"
                + "environment.json        operating system, memory, working folder, environment variables\n"
                + "health.json             what 'aidevops status --verbose --format json' reports\n"
                + "logs/                   the most recent log lines\n"
                + (contents.full() ? "threads.txt             a dump of every thread\n"
                + "system-properties.txt   Java system properties\n" : "")
                + "\nSecret values known to the suite and environment variables whose names look secret are "
                + "replaced by <redacted>.\nRead the files before you share them.\n";
    }

    private static String versions() {
        var v = SuiteVersion.current();
        return "aidevops " + v.suite() + "\njava " + SuiteVersion.java() + "\nfabric8 kubernetes-client "
                + v.fabric8() + "\npicocli " + v.picocli() + "\n";
    }

    private static Map<String, Object> environment(Contents contents, Redactor redactor) {
        var runtime = Runtime.getRuntime();
        var environment = new LinkedHashMap<String, Object>();
        environment.put("os", SuiteVersion.os());
        environment.put("max_heap_bytes", runtime.maxMemory());
        environment.put("working_directory", Path.of("").toAbsolutePath().toString());
        environment.put("user", System.getProperty("user.name"));
        environment.put("java_home", System.getProperty("java.home"));
        environment.put("variables", redactor.redactNamed(contents.environment()));
        return environment;
    }

    private static String tail(Path logFile) throws IOException {
        var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        var from = Math.max(0, lines.size() - LOG_LINES);
        return String.join("\n", lines.subList(from, lines.size())) + "\n";
    }

    private static String threadDump() {
        var dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
                    .append(' ').append(info.getThreadState()).append('\n');
            for (var frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }

    private static String systemProperties(Redactor redactor) {
        var properties = new LinkedHashMap<String, String>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        var text = new StringBuilder();
        redactor.redactNamed(properties).forEach((name, value) -> text.append(name).append('=').append(value)
                .append('\n'));
        return text.toString();
    }
}
