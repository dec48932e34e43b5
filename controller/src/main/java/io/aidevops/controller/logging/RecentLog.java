package io.aidevops.controller.logging;

import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Keeps the last lines logged by this process in memory, for diagnostic bundles and the service's status page:
 * what happened just before a problem is what a bug report needs, even when no log file was configured.
 */
public final class RecentLog extends Handler {
    private final int capacity;
    private final ArrayDeque<String> lines;

    /** @param capacity how many formatted lines to keep */
    public RecentLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setFormatter(new LineFormatter());
    }

    @Override
    public synchronized void publish(LogRecord logRecord) {
        if (!isLoggable(logRecord)) {
            return;
        }
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(getFormatter().format(logRecord));
    }

    /** @return the kept lines, oldest first */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
        // nothing buffered outside memory
    }

    @Override
    public void close() {
        // nothing to release
    }
}
