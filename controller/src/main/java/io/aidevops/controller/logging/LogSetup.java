package io.aidevops.controller.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import io.aidevops.controller.config.LogLevel;

/**
 * Configures java.util.logging (which SLF4J, and so fabric8, log through) once per process: console on standard
 * error, an in-memory {@link RecentLog}, and for long-running commands a rotating file under the data folder.
 */
public final class LogSetup {
    /** The log file's name inside {@code <data_dir>/logs}. */
    public static final String LOG_FILE = "aidevops.log";
    // Libraries that are chatty at INFO; they speak only when the user asked for DEBUG or TRACE.
    private static final List<String> QUIET_LIBRARIES = List.of("io.fabric8", "io.vertx", "io.netty",
            "org.bouncycastle");
    private static final RecentLog RECENT = new RecentLog(500);
    // Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final List<Logger> CONFIGURED = new java.util.ArrayList<>();

    private LogSetup() {
    }

    /** Console and in-memory log at {@code level}. */
    public static synchronized void configure(LogLevel level) {
        LogManager.getLogManager().reset();
        CONFIGURED.clear();
        var root = Logger.getLogger("");
        root.setLevel(level.julLevel());
        var console = new ConsoleHandler();
        console.setLevel(level.julLevel());
        console.setFormatter(new LineFormatter());
        root.addHandler(console);
        RECENT.setLevel(level.julLevel());
        root.addHandler(RECENT);
        var libraryLevel = level.julLevel().intValue() < Level.INFO.intValue() ? level.julLevel() : Level.WARNING;
        for (var name : QUIET_LIBRARIES) {
            var logger = Logger.getLogger(name);
            logger.setLevel(libraryLevel);
            CONFIGURED.add(logger);
        }
    }

    /**
     * Also logs to {@code <logDirectory>/aidevops.log}, rotating at 10 MiB and keeping three files.
     *
     * @return the log file
     */
    public static synchronized Path addFile(Path logDirectory, LogLevel level) {
        try {
            Files.createDirectories(logDirectory);
            var pattern = logDirectory.resolve(LOG_FILE).toString().replace("%", "%%");
            Handler file = new FileHandler(pattern + ".%g", 10 << 20, 3, true);
            file.setLevel(level.julLevel());
            file.setFormatter(new LineFormatter());
            file.setEncoding("UTF-8");
            Logger.getLogger("").addHandler(file);
            return logDirectory.resolve(LOG_FILE + ".0");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log in " + logDirectory, e);
        }
    }

    /** @return the lines this process logged most recently */
    public static RecentLog recent() {
        return RECENT;
    }
}
