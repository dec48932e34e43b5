package io.aidevops.monitor.jenkins;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.aidevops.monitor.Monitor;
import io.aidevops.monitor.MonitorStats;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertJournal;
import jenkins.model.Jenkins;

/**
 * Runs the core's {@link Monitor} inside Jenkins, as the CLI service's {@code BackgroundMonitor} does: one collection
 * pass every configured interval; a monitor started on the configured cluster at the first pass, and started anew
 * when the configuration or a credential's content changes or when the last start failed. Alerts go to the
 * {@link AlertJournal}; every decision about them is the core's.
 *
 * <p>Jenkins asks a {@code PeriodicWork} for its recurrence period once, when it schedules it, so the task wakes up
 * every {@link #TICK_MILLIS} ms and runs a pass when the configured interval has passed (at once after a configuration
 * change). Jenkins runs each wake-up on a thread of its own, as SYSTEM, and skips it while the previous one still
 * runs; its output goes to {@code JENKINS_HOME/logs/tasks/AI DevOps monitor.log}.
 */
@Extension
public final class MonitorWork extends AsyncPeriodicWork {

    /** Where the alerts are kept, under {@code JENKINS_HOME}. */
    static final String FOLDER = "aidevops-monitor";

    /** How often the task wakes up: the granularity of the configured interval. */
    static final long TICK_MILLIS = 5_000;
    /** Wake-ups are not exactly a tick apart; a pass this close to its time runs now rather than a tick late. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    /**
     * What the monitor is doing, for the dashboard and the JSON endpoint.
     *
     * @param state {@code disabled}, {@code not started yet}, {@code misconfigured}, {@code waiting for the cluster},
     *        {@code running} or {@code stopped}
     * @param problem why it is not running, or null
     * @param cluster the API server watched, or null
     */
    public record Status(String state, String problem, String cluster) {
    }

    /** A started monitor and what it was made from. */
    private record Running(MonitorConnection.Key key, MonitorConnection connection, Monitor monitor) {
        void close() {
            try {
                monitor.close();
            } finally {
                connection.close();
            }
        }
    }

    private final Object storeLock = new Object();
    private volatile AlertJournal store;
    private volatile Running running;
    private volatile Status status = new Status("not started yet", null, null);
    private volatile boolean closed;
    private Instant lastPass;
    private long seenRevision = -1;

    public MonitorWork() {
        super("AI DevOps monitor");
    }

    /** The one instance Jenkins holds. */
    public static MonitorWork get() {
        return ExtensionList.lookupSingleton(MonitorWork.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return TICK_MILLIS;
    }

    /** A wake-up every 5 s is routine: Jenkins' start and finish lines for it only at FINE. */
    @Override
    protected Level getNormalLoggingLevel() {
        return Level.FINE;
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        // fabric8 finds its HTTP client implementation (in the kubernetes-client-api plugin) through the context
        // class loader; the plugin's loader sees it, the timer thread's may not.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MonitorWork.class.getClassLoader());
        try {
            tick(MonitorConfiguration.get(), Instant.now(), listener);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * One wake-up at {@code now}: stops, (re)starts or runs a pass as the configuration says. Writes to the task log
     * only when something changes (Jenkins creates the log file at the first write of a run).
     */
    synchronized void tick(MonitorConfiguration config, Instant now, TaskListener log) {
        if (closed) {
            return;
        }
        long revision = config.revision();
        boolean reconfigured = revision != seenRevision;
        seenRevision = revision;
        if (!config.isEnabled()) {
            if (running != null) {
                log.getLogger().println("monitoring disabled: monitor stopped");
            }
            stopMonitor();
            lastPass = null;
            status = new Status("disabled", null, null);
            return;
        }
        if (!reconfigured && lastPass != null && now.isBefore(lastPass.plus(config.interval()).minus(SLACK))) {
            return;
        }
        lastPass = now;
        pass(config, now, log);
    }

    private void pass(MonitorConfiguration config, Instant now, TaskListener log) {
        MonitorConnection.Plan plan;
        AlertJournal sink;
        try {
            sink = store();
            plan = MonitorConnection.plan(config);
        } catch (IOException | RuntimeException e) {
            stopMonitor();
            report(log, new Status("misconfigured", e.getMessage(), null));
            return;
        }
        Running current = running;
        if (current == null || !current.key().equals(plan.key())) {
            stopMonitor();
            current = start(plan, sink, config.interval(), log);
            if (current == null) {
                return;
            }
        }
        current.monitor().collect(now);
        report(log, new Status("running", null, current.connection().cluster()));
    }

    /** Starts a monitor on the plan's cluster; null (with the reason in the status) if it cannot watch it. */
    private Running start(MonitorConnection.Plan plan, AlertJournal sink, Duration interval, TaskListener log) {
        MonitorConnection connection;
        try {
            connection = plan.open();
        } catch (RuntimeException e) {
            report(log, new Status("waiting for the cluster", "cannot connect: " + e.getMessage(), null));
            return null;
        }
        String cluster = connection.cluster();
        Monitor monitor = null;
        try {
            monitor = new Monitor(connection.client(), connection.sources(), sink, plan.key().settings(),
                    Clock.systemUTC());
            monitor.start();
        } catch (RuntimeException e) {
            if (monitor != null) {
                monitor.close();
            }
            connection.close();
            report(log, new Status("waiting for the cluster", "cannot watch the cluster: " + e.getMessage(),
                    cluster));
            return null;
        }
        Running started = new Running(plan.key(), connection, monitor);
        running = started;
        if (closed) { // Jenkins began shutting down meanwhile
            stopMonitor();
            return null;
        }
        log.getLogger().println("monitor watching " + cluster + " every " + interval.toSeconds() + " s with detector "
                + plan.key().settings().pipeline().detector());
        return started;
    }

    /** Publishes the status; logs it when it changes, so the task log tells the story without a line per pass. */
    private void report(TaskListener log, Status next) {
        if (!next.equals(status)) {
            log.getLogger().println(next.state() + (next.problem() == null ? "" : ": " + next.problem()));
        }
        status = next;
    }

    private void stopMonitor() {
        Running current = running;
        running = null;
        if (current != null) {
            current.close();
        }
    }

    /** The alert store in {@code JENKINS_HOME/aidevops-monitor}, opened once. */
    AlertJournal store() throws IOException {
        AlertJournal opened = store;
        if (opened == null) {
            synchronized (storeLock) {
                opened = store;
                if (opened == null) {
                    opened = AlertJournal.open(new File(Jenkins.get().getRootDir(), FOLDER).toPath());
                    store = opened;
                }
            }
        }
        return opened;
    }

    /** What the monitor is doing now; never waits for a running pass. */
    public Status status() {
        return status;
    }

    /** The running monitor's figures, or null when none runs. */
    @CheckForNull
    public MonitorStats stats() {
        Running current = running;
        return current == null ? null : current.monitor().stats();
    }

    /**
     * The open alerts, oldest first: the running monitor's (with their latest sighting), or else those the store
     * holds from the last run.
     *
     * @throws IOException if the store cannot be read
     */
    public List<Alert> openAlerts() throws IOException {
        Running current = running;
        if (current != null) {
            return current.monitor().openAlerts();
        }
        return List.copyOf(store().raisedAlerts());
    }

    /** Stops the monitor for good; its open alerts stay in the store for the next start. */
    void close() {
        closed = true;
        stopMonitor();
        status = new Status("stopped", null, null);
    }

    /** Jenkins is shutting down: the informers stop before the JVM does. */
    @Terminator
    public static void shutDown() {
        MonitorWork work = ExtensionList.lookup(MonitorWork.class).get(MonitorWork.class);
        if (work != null) {
            work.close();
        }
    }
}
