package io.aidevops.monitor.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the workload state is watched and judged.
 *
 * @param scope which objects
 * @param settleTime how long after a container's last failure its alert stays open although it runs again: a
 *        container that is OOM-killed every few minutes should be one open alert, not one per kill
 * @param unavailableGrace how long a Deployment may lack minimum availability before that is an alert (new
 *        Deployments and scale-ups need a moment)
 * @param resyncPeriod how often the informers replay their caches; replays never raise anything twice
 * @param syncTimeout how long {@code start()} waits for the informers' first lists
 * @param resolveGrace how long a problem must stay gone before its alert resolves: a leaking release's OOM-killed
 *        pod is replaced by one that is killed moments later, and one open alert says more than a resolve and a raise
 *        a second apart
 */
public record WatchSettings(WatchScope scope, Duration settleTime, Duration unavailableGrace, Duration resyncPeriod,
        Duration syncTimeout, Duration resolveGrace) {

    /** @throws IllegalArgumentException if a duration is negative, or the sync timeout not positive */
    public WatchSettings {
        Objects.requireNonNull(scope, "scope");
        for (Duration duration : new Duration[] {settleTime, unavailableGrace, resyncPeriod, syncTimeout,
                resolveGrace}) {
            if (Objects.requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("watch durations must not be negative, but one is " + duration);
            }
        }
        if (syncTimeout.isZero()) {
            throw new IllegalArgumentException("the informer sync timeout must be positive");
        }
    }

    /** The suite's scope; 5 min settle time, 2 min grace, resync every 10 min, 30 s to sync, 1 min to resolve. */
    public static WatchSettings defaults() {
        return new WatchSettings(WatchScope.suite(), Duration.ofMinutes(5), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    /** These settings with another scope. */
    public WatchSettings withScope(WatchScope value) {
        return new WatchSettings(value, settleTime, unavailableGrace, resyncPeriod, syncTimeout, resolveGrace);
    }

    /** These settings with another settle time. */
    public WatchSettings withSettleTime(Duration value) {
        return new WatchSettings(scope, value, unavailableGrace, resyncPeriod, syncTimeout, resolveGrace);
    }

    /** These settings with another grace period for unavailable replicas. */
    public WatchSettings withUnavailableGrace(Duration value) {
        return new WatchSettings(scope, settleTime, value, resyncPeriod, syncTimeout, resolveGrace);
    }

    /** These settings with another resync period ({@code Duration.ZERO}: never). */
    public WatchSettings withResyncPeriod(Duration value) {
        return new WatchSettings(scope, settleTime, unavailableGrace, value, syncTimeout, resolveGrace);
    }

    /** These settings with another grace before a vanished problem's alert resolves. */
    public WatchSettings withResolveGrace(Duration value) {
        return new WatchSettings(scope, settleTime, unavailableGrace, resyncPeriod, syncTimeout, value);
    }

    /** These settings with another sync timeout. */
    public WatchSettings withSyncTimeout(Duration value) {
        return new WatchSettings(scope, settleTime, unavailableGrace, resyncPeriod, value, resolveGrace);
    }
}
