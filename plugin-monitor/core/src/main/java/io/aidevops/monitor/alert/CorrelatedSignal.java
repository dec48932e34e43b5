package io.aidevops.monitor.alert;

import java.util.Objects;

/**
 * Another signal that moved together with the alert's. The monitor leaves the list empty; the integrator fills it
 * from the shared-ai correlation API.
 *
 * @param signal the other series or event, e.g. {@code shop/checkout latency_p99}
 * @param strength how strongly it is related, in [0, 1]
 * @param summary one sentence for people
 */
public record CorrelatedSignal(String signal, double strength, String summary) {

    /** @throws IllegalArgumentException if strength is not in [0, 1] */
    public CorrelatedSignal {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(summary, "summary");
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be in [0, 1], but is " + strength);
        }
    }
}
