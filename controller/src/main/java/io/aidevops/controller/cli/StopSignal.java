package io.aidevops.controller.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns SIGTERM and Ctrl-C (SIGINT) into an orderly stop: a long-running command stops its parts in order, removes
 * the files it wrote and exits with its own code. Left to the JVM, the signal would end the process with 143 or 130
 * and skip that cleanup. A second signal while stopping ends the process at once, for a stop that hangs.
 */
final class StopSignal {
    private static final Logger LOG = Logger.getLogger(StopSignal.class.getName());
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private volatile Thread interruptOnStop;
    private boolean hookAdded;

    /** Catches SIGTERM and SIGINT from now on. */
    StopSignal install() {
        for (var name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (requested()) {
                        LOG.warning("second SIG" + signal.getName() + ": stopping at once");
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    LOG.info("received SIG" + signal.getName() + ", stopping");
                    trigger();
                });
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal to itself (run with -Xrs, say): stop from a shutdown hook instead.
                LOG.log(Level.FINE, "cannot handle SIG" + name + "; using a shutdown hook", e);
                if (!hookAdded) {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::stopFromShutdownHook, "aidevops-stop"));
                    hookAdded = true;
                }
            }
        }
        return this;
    }

    /** Also interrupts {@code thread} on a stop, for commands that are busy rather than waiting for the signal. */
    StopSignal interrupting(Thread thread) {
        this.interruptOnStop = thread;
        return this;
    }

    /** @return whether a stop was requested */
    boolean requested() {
        return stop.getCount() == 0;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Requests a stop, as a signal would. */
    void trigger() {
        stop.countDown();
        var thread = interruptOnStop;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Tells a waiting shutdown hook that the command has cleaned up. */
    void cleanedUp() {
        cleanedUp.countDown();
    }

    private void stopFromShutdownHook() {
        trigger();
        try {
            cleanedUp.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
