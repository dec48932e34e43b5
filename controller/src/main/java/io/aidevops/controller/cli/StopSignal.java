package io.aidevops.controller.cli;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waits for SIGTERM or Ctrl-C (SIGINT) so a long-running command can stop its parts in order and exit 0. Without
 * handling the signals, the JVM would run its shutdown hooks and exit 143 or 130, which service managers report
 * as a failure.
 */
final class StopSignal {
    private static final Logger LOG = Logger.getLogger(StopSignal.class.getName());
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Catches SIGTERM and SIGINT from now on. */
    StopSignal install() {
        for (var name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.info("received SIG" + signal.getName() + ", stopping");
                    stop.countDown();
                });
            } catch (IllegalArgumentException e) {
                // The JVM does not let us have this signal (e.g. -Xrs): fall back to the shutdown hook below.
                LOG.log(Level.FINE, "cannot handle SIG" + name, e);
            }
        }
        return this;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Requests a stop, as a signal would. */
    void trigger() {
        stop.countDown();
    }
}
