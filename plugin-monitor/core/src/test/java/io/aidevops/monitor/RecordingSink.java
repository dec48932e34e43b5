package io.aidevops.monitor;

import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.alert.AlertSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The in-memory sink of the tests: records every call and, like a real receiver, remembers what is raised, so a
 * second monitor on the same sink sees the first one's alerts.
 */
public final class RecordingSink implements AlertSink {

    private final List<Alert> raised = new ArrayList<>();
    private final List<Alert> resolved = new ArrayList<>();
    private final Map<String, Alert> open = new LinkedHashMap<>();
    private int failuresToCome;

    @Override
    public synchronized void raise(Alert alert) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("the sink is down");
        }
        raised.add(alert);
        open.put(alert.fingerprint(), alert);
    }

    @Override
    public synchronized void resolve(Alert alert, Instant at) {
        resolved.add(alert);
        open.remove(alert.fingerprint());
    }

    @Override
    public synchronized Collection<Alert> raisedAlerts() {
        return List.copyOf(open.values());
    }

    /** The next {@code count} raises throw. */
    public synchronized void failNext(int count) {
        failuresToCome = count;
    }

    /** Every raise, in order. */
    public synchronized List<Alert> raised() {
        return List.copyOf(raised);
    }

    /** The raises of one kind. */
    public synchronized List<Alert> raised(AlertKind kind) {
        return raised.stream().filter(alert -> alert.kind() == kind).toList();
    }

    /** Every resolution, in order. */
    public synchronized List<Alert> resolved() {
        return List.copyOf(resolved);
    }

    /** The resolutions of one kind. */
    public synchronized List<Alert> resolved(AlertKind kind) {
        return resolved.stream().filter(alert -> alert.kind() == kind).toList();
    }
}
