package io.aidevops.controller.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and Ctrl-C (SIGINT) into an orderly stop while a long-running command runs: it stops its parts in
 * order, removes the files it wrote and exits with its own code. Left to the JVM, the signal would end the process
 * with 143 or 130 and skip that cleanup. A second signal while stopping ends the process at once, for a stop that
 * hangs. {@link #close()} gives the signals back to whoever had them before.
 */
final class StopSignal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StopSignal.class.getName());
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile Thread interruptOnStop;

    /** Catches SIGTERM and SIGINT until {@link #close()}. */
    StopSignal install() {
        for (var name : new String[] {"TERM", "INT"}) {
            var signal = new Signal(name);
            try {
                previous.put(signal, Signal.handle(signal, this::handle));
            } catch (IllegalArgumentException e) {
                // The JVM keeps the signal (run with -Xrs): then it ends the process without cleanup, and says so.
                LOG.warning("cannot handle SIG" + name + " (" + e.getMessage() + "); stopping by signal will skip "
                        + "the cleanup");
            }
        }
        return this;
    }

    private void handle(Signal signal) {
        if (requested()) {
            LOG.warning("second SIG" + signal.getName() + ": stopping at once");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        LOG.info("received SIG" + signal.getName() + ", stopping");
        trigger();
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

    /** Gives the signals back to their previous handlers. */
    @Override
    public void close() {
        interruptOnStop = null;
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
