package io.aidevops.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one reconcile pass did.
 *
 * @param at the simulated instant of the pass
 * @param writes API writes the pass made (creates, updates, deletes, events)
 * @param problems objects the pass could not handle, each naming the object and the reason; the pass carried on
 *        with the others
 */
public record ReconcileReport(Instant at, int writes, List<String> problems) {

    /** Copies the problem list. */
    public ReconcileReport {
        Objects.requireNonNull(at, "at");
        problems = List.copyOf(problems);
    }

    /** Whether the pass found nothing to do: the world is settled at this instant. */
    public boolean settled() {
        return writes == 0 && problems.isEmpty();
    }
}
