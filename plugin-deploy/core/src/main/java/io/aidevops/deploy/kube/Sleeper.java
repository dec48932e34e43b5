package io.aidevops.deploy.kube;

import java.time.Duration;

/** Waits between attempts; injected so that tests record the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps, on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
