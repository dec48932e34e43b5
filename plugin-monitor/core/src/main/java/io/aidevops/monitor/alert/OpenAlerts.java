package io.aidevops.monitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The alerts that are open, keyed by fingerprint, in front of an {@link AlertSink}: the sink hears of each fingerprint
 * once when it opens and once when it closes, however often the problem is seen in between (informer resyncs,
 * relists after a disconnect, every collection pass).
 *
 * <p>Alerts the sink already holds from an earlier run are adopted as open: not raised again while their problem
 * lasts, and resolved when it is found gone, as if this run had raised them.
 * Thread-safe.
 */
public final class OpenAlerts {

    private final AlertSink sink;
    private final Map<String, Alert> open = new LinkedHashMap<>();
    private final Map<String, Instant> missingSince = new HashMap<>();
    // Adopted from an earlier run and not seen by this one yet: when, so those never seen again can be resolved.
    private final Map<String, Instant> adopted = new HashMap<>();
    private long raised;
    private long resolved;

    /** @param sink where new and resolved alerts go */
    public OpenAlerts(AlertSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Takes the alerts the sink already holds as open, so that they are not raised again, and are resolved like any
     * other open alert once their problem is found gone.
     */
    public synchronized void adoptRaised(Instant at) {
        for (Alert alert : sink.raisedAlerts()) {
            if (open.putIfAbsent(alert.fingerprint(), alert) == null) {
                adopted.put(alert.fingerprint(), at);
            }
        }
    }

    /** Whether the open alert was adopted from an earlier run and has not been seen by this one. */
    public synchronized boolean isAdopted(String fingerprint) {
        return adopted.containsKey(fingerprint);
    }

    /**
     * Resolves the alerts adopted before {@code adoptedBefore} that this run has not seen since, among those in
     * scope: their series or workload never came back (deleted while the monitor was down), and nothing else would
     * ever resolve them.
     *
     * @return what the sink threw, one per failed call
     */
    public synchronized List<RuntimeException> resolveUnseenAdopted(Predicate<Alert> inScope, Instant adoptedBefore,
            Instant at) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : List.copyOf(adopted.entrySet())) {
            Alert alert = open.get(entry.getKey());
            if (alert != null && inScope.test(alert) && entry.getValue().isBefore(adoptedBefore)) {
                try {
                    resolve(entry.getKey(), at);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        return failures;
    }

    /**
     * Opens the alert, or refreshes it if it is open already (first seen kept, the rest taken from {@code alert}).
     *
     * @return true if the sink was told, false if the fingerprint was open or raised earlier
     * @throws RuntimeException whatever the sink throws; the alert then stays closed and is offered again next time
     */
    public synchronized boolean raise(Alert alert) {
        Alert known = open.get(alert.fingerprint());
        if (known != null) {
            open.put(alert.fingerprint(), known.seenAgain(alert));
            adopted.remove(alert.fingerprint());
            return false;
        }
        sink.raise(alert);
        open.put(alert.fingerprint(), alert);
        raised++;
        return true;
    }

    /**
     * Closes an open alert and tells the sink; does nothing if it is not open.
     *
     * @return true if it was open
     */
    public synchronized boolean resolve(String fingerprint, Instant at) {
        Alert alert = open.get(fingerprint);
        if (alert == null) {
            return false;
        }
        sink.resolve(alert, at);
        open.remove(fingerprint);
        missingSince.remove(fingerprint);
        adopted.remove(fingerprint);
        resolved++;
        return true;
    }

    /**
     * Makes the open alerts among those {@code inScope} exactly {@code current}: raises the new ones, refreshes the
     * open ones and resolves those in scope that are no longer current. This is how level-triggered checks (the
     * workload state) report: they describe everything that is wrong now, and this works out what changed.
     *
     * @return what the sink threw, one per failed call; empty normally
     */
    public synchronized List<RuntimeException> reconcile(Predicate<Alert> inScope, Collection<Alert> current,
            Instant at) {
        return reconcile(inScope, current, at, Duration.ZERO);
    }

    /**
     * As {@link #reconcile(Predicate, Collection, Instant)}, but an alert is resolved only once it has been missing
     * for {@code grace}: when the OOM-killed pod of a leaking release is replaced, the next one is killed moments
     * later, and one alert that stays open says more than a resolve and a raise a second apart.
     *
     * @return what the sink threw, one per failed call; empty normally
     */
    public synchronized List<RuntimeException> reconcile(Predicate<Alert> inScope, Collection<Alert> current,
            Instant at, Duration grace) {
        List<RuntimeException> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Alert alert : current) {
            seen.add(alert.fingerprint());
            missingSince.remove(alert.fingerprint());
            try {
                raise(alert);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (Alert alert : List.copyOf(open.values())) {
            if (inScope.test(alert) && !seen.contains(alert.fingerprint())) {
                Instant missing = missingSince.computeIfAbsent(alert.fingerprint(), fingerprint -> at);
                if (Duration.between(missing, at).compareTo(grace) < 0) {
                    continue;
                }
                try {
                    resolve(alert.fingerprint(), at);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        return failures;
    }

    /** The open alert with this fingerprint. */
    public synchronized Optional<Alert> get(String fingerprint) {
        return Optional.ofNullable(open.get(fingerprint));
    }

    /** Whether an alert with this fingerprint is open. */
    public synchronized boolean isOpen(String fingerprint) {
        return open.containsKey(fingerprint);
    }

    /** The open alerts, oldest first. */
    public synchronized List<Alert> all() {
        return List.copyOf(open.values());
    }

    /** How many alerts this instance raised at the sink. */
    public synchronized long raisedCount() {
        return raised;
    }

    /** How many alerts this instance resolved at the sink. */
    public synchronized long resolvedCount() {
        return resolved;
    }
}
