package io.aidevops.controller.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One line per record: {@code 2026-11-27T10:15:02.123Z INFO  io.aidevops.controller... message}, then any stack. */
public final class LineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    /** Formats the record, masking credentials (see {@link CredentialMask}). */
    @Override
    public String format(LogRecord logRecord) {
        return CredentialMask.mask(formatPlain(logRecord));
    }

    private String formatPlain(LogRecord logRecord) {
        var line = new StringBuilder(128)
                .append(TIME.format(logRecord.getInstant().truncatedTo(ChronoUnit.MILLIS))).append(' ')
                .append(String.format("%-5s", levelName(logRecord))).append(' ')
                .append(shortName(logRecord.getLoggerName())).append(" - ")
                .append(formatMessage(logRecord)).append(System.lineSeparator());
        if (logRecord.getThrown() != null) {
            var stack = new StringWriter();
            logRecord.getThrown().printStackTrace(new PrintWriter(stack));
            line.append(stack);
        }
        return line.toString();
    }

    private static String levelName(LogRecord logRecord) {
        int value = logRecord.getLevel().intValue();
        if (value >= 1000) {
            return "ERROR";
        }
        if (value >= 900) {
            return "WARN";
        }
        if (value >= 800) {
            return "INFO";
        }
        return value >= 500 ? "DEBUG" : "TRACE";
    }

    private static String shortName(String loggerName) {
        if (loggerName == null) {
            return "-";
        }
        var lastDot = loggerName.lastIndexOf('.');
        return lastDot < 0 ? loggerName : loggerName.substring(lastDot + 1);
    }
}
