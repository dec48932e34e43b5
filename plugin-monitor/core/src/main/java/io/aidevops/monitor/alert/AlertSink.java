package io.aidevops.monitor.alert;

import java.time.Instant;
import java.util.Collection;

/**
 * Where alerts go: the incident module in the suite, a log or a test's list. The monitor calls {@link #raise} once
 * per fingerprint while the problem lasts and {@link #resolve} once when it is gone.
 *
 * <p>Implementations must be thread-safe: workload alerts are raised from the informers' change notifications as
 * well as from {@code collect}. An exception thrown here is recorded as the monitor's last error, and the alert is
 * offered again at the next pass.
 */
public interface AlertSink {

    /**
     * Takes a new alert.
     *
     * @param alert the alert; its fingerprint is not raised yet as far as the monitor knows
     */
    void raise(Alert alert);

    /**
     * The problem behind a raised alert is gone.
     *
     * @param alert the alert as last seen
     * @param at when the monitor found it gone
     */
    void resolve(Alert alert, Instant at);

    /**
     * The alerts raised and not resolved, including those raised by an earlier run of the monitor: a restarted
     * monitor does not raise them again, and resolves those whose problem it finds gone.
     *
     * @return the open alerts as last raised
     */
    Collection<Alert> raisedAlerts();
}
