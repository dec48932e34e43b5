package io.aidevops.controller.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import io.aidevops.controller.config.LogLevel;

/**
 * Configures java.util.logging (which SLF4J, and so fabric8, log through) for the process: console on standard
 * error, an in-memory {@link RecentLog}, and for long-running commands a rotating file under the data folder. The
 * handlers are installed once; later calls only change the level, so a command that loads the configuration never
 * closes a log file another part of the process writes to.
 */
public final class LogSetup {
    /** The log file's name inside {@code <data_dir>/logs}. */
    public static final String LOG_FILE = "aidevops.log";
    // Libraries that are chatty at INFO; they speak only when the user asked for DEBUG or TRACE.
    private static final List<String> QUIET_LIBRARIES = List.of("io.fabric8", "io.vertx", "io.netty",
            "org.bouncycastle");
    // At TRACE it logs request headers, bearer tokens included; DEBUG is as verbose as it gets.
    private static final String HTTP_WIRE_LOG = "io.fabric8.kubernetes.client.http.HttpLoggingInterceptor";
    private static final RecentLog RECENT = new RecentLog(500);
    // Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final List<Logger> CONFIGURED = new ArrayList<>();
    private static final List<Handler> HANDLERS = new ArrayList<>();
    private static boolean installed;

    private LogSetup() {
    }

    /** Logs at {@code level} and above to the console, the recent log and any log file. */
    public static synchronized void configure(LogLevel level) {
        if (!installed) {
            LogManager.getLogManager().reset();
            var console = new ConsoleHandler();
            console.setFormatter(new LineFormatter());
            Logger.getLogger("").addHandler(console);
            Logger.getLogger("").addHandler(RECENT);
            HANDLERS.add(console);
            HANDLERS.add(RECENT);
            for (var name : QUIET_LIBRARIES) {
                CONFIGURED.add(Logger.getLogger(name));
            }
            CONFIGURED.add(Logger.getLogger(HTTP_WIRE_LOG));
            installed = true;
        }
        Logger.getLogger("").setLevel(level.julLevel());
        HANDLERS.forEach(h -> h.setLevel(level.julLevel()));
        var libraryLevel = level.julLevel().intValue() < Level.INFO.intValue() ? level.julLevel() : Level.WARNING;
        CONFIGURED.forEach(logger -> logger.setLevel(libraryLevel));
        if (libraryLevel.intValue() < Level.FINE.intValue()) {
            Logger.getLogger(HTTP_WIRE_LOG).setLevel(Level.FINE);
        }
    }

    /**
     * Also logs to {@code <logDirectory>/aidevops.log.0}, rotating at 10 MiB and keeping three files, until the
     * returned log is closed.
     */
    public static synchronized FileLog addFile(Path logDirectory, LogLevel level) {
        try {
            Files.createDirectories(logDirectory);
            var pattern = logDirectory.resolve(LOG_FILE).toString().replace("%", "%%");
            var file = new FileHandler(pattern + ".%g", 10 << 20, 3, true);
            file.setLevel(level.julLevel());
            file.setFormatter(new LineFormatter());
            file.setEncoding("UTF-8");
            Logger.getLogger("").addHandler(file);
            HANDLERS.add(file);
            return new FileLog(logDirectory.resolve(LOG_FILE + ".0"), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log in " + logDirectory, e);
        }
    }

    /** @return the lines this process logged most recently */
    public static RecentLog recent() {
        return RECENT;
    }

    /**
     * A log file being written.
     *
     * @param path    the current file
     * @param handler the handler writing it
     */
    public record FileLog(Path path, Handler handler) implements AutoCloseable {
        /** Stops writing the file. */
        @Override
        public void close() {
            synchronized (LogSetup.class) {
                Logger.getLogger("").removeHandler(handler);
                HANDLERS.remove(handler);
            }
            handler.close();
        }
    }
}
