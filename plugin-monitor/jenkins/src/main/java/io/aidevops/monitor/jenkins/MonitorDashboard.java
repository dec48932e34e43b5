package io.aidevops.monitor.jenkins;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.RootAction;
import io.aidevops.monitor.MonitorStats;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.monitor.alert.CorrelatedSignal;
import io.aidevops.monitor.alert.Evidence;
import io.aidevops.monitor.alert.Severity;
import jenkins.management.Badge;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.WebMethod;
import org.kohsuke.stapler.verb.GET;

/**
 * {@code /aidevops-monitor/}: the open alerts with their evidence, the latest resolved ones, and the monitor's vital
 * signs ({@code index.jelly}); {@code /aidevops-monitor/alerts} answers the same as JSON for scripts. Needs
 * Overall/Read, like every root action. Views only: the alerts and figures are the core's values, turned into text.
 */
@Extension
public final class MonitorDashboard implements RootAction {

    static final String URL_NAME = "aidevops-monitor";
    static final int RESOLVED_SHOWN = 20;

    private static final Logger LOGGER = Logger.getLogger(MonitorDashboard.class.getName());

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-analytics" : null;
    }

    @Override
    public String getDisplayName() {
        return "AI DevOps monitor";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The number of open alerts on the button: red when one is critical. */
    @Override
    public Badge getBadge() {
        List<Alert> open = alerts();
        if (open.isEmpty()) {
            return null;
        }
        boolean critical = open.stream().anyMatch(alert -> alert.severity() == Severity.CRITICAL);
        return new Badge(String.valueOf(open.size()), open.size() + " open alert(s)",
                critical ? Badge.Severity.danger : Badge.Severity.warning);
    }

    // ---- the page (index.jelly) ----

    /** {@code disabled}, {@code running}, ... */
    public String getState() {
        return MonitorWork.get().status().state();
    }

    /** Why the monitor is not running, or null. */
    public String getProblem() {
        return MonitorWork.get().status().problem();
    }

    /** The API server watched, or null. */
    public String getCluster() {
        return MonitorWork.get().status().cluster();
    }

    public String getDetector() {
        return MonitorConfiguration.get().getDetector();
    }

    public long getIntervalSeconds() {
        return MonitorConfiguration.get().interval().toSeconds();
    }

    /** The running monitor's figures, or null when none runs. */
    @CheckForNull
    public StatsView getStats() {
        MonitorStats stats = MonitorWork.get().stats();
        return stats == null ? null : new StatsView(stats);
    }

    /** The open alerts, most severe first, then oldest first. */
    public List<AlertView> getOpenAlerts() {
        return alerts().stream()
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::firstSeen))
                .map(alert -> new AlertView(alert, null))
                .toList();
    }

    /** The latest resolved alerts, most recent first. */
    public List<AlertView> getResolvedAlerts() {
        try {
            return MonitorWork.get().store().resolved(RESOLVED_SHOWN).stream()
                    .map(entry -> new AlertView(entry.alert(), entry.resolvedAt()))
                    .toList();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the alert store", e);
            return List.of();
        }
    }

    /** Lines of the store that could not be read at start (file and line), to be looked at by an administrator. */
    public List<String> getUnreadableLines() {
        try {
            return MonitorWork.get().store().unreadableLines();
        } catch (IOException e) {
            return List.of("cannot read the alert store: " + e.getMessage());
        }
    }

    private static List<Alert> alerts() {
        try {
            return MonitorWork.get().openAlerts();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the alert store", e);
            return List.of();
        }
    }

    // ---- JSON for scripts ----

    /**
     * {@code GET /aidevops-monitor/alerts}: {@code state}, {@code problem}, {@code cluster}, {@code stats} (null when
     * no monitor runs), {@code open} (the core's alerts, as the alert store writes them) and {@code resolved}
     * ({@code alert}, {@code raisedAt}, {@code resolvedAt}).
     */
    @GET
    @WebMethod(name = "alerts")
    public void doAlerts(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        Jenkins.get().checkPermission(Jenkins.READ);
        MonitorWork work = MonitorWork.get();
        MonitorWork.Status status = work.status();
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (AlertJournal.Entry entry : work.store().resolved(RESOLVED_SHOWN)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("alert", entry.alert());
            item.put("raisedAt", entry.raisedAt());
            item.put("resolvedAt", entry.resolvedAt());
            resolved.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", status.state());
        body.put("problem", status.problem());
        body.put("cluster", status.cluster());
        body.put("stats", work.stats());
        body.put("open", work.openAlerts());
        body.put("resolved", resolved);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        AlertJournal.mapper().writeValue(response.getWriter(), body);
    }

    // ---- views: the core's values as text, with bean getters for Jelly ----

    /** One alert for the page. */
    public static final class AlertView {
        private final Alert alert;
        private final Instant resolvedAt;

        AlertView(Alert alert, Instant resolvedAt) {
            this.alert = alert;
            this.resolvedAt = resolvedAt;
        }

        public String getSeverity() {
            return alert.severity().name();
        }

        /** Jenkins' colour utility class for the severity (cosmetic only). */
        public String getSeverityClass() {
            return switch (alert.severity()) {
                case CRITICAL -> "jenkins-!-error-color";
                case WARNING -> "jenkins-!-warning-color";
                case INFO -> "";
            };
        }

        public String getKind() {
            return alert.kind().code();
        }

        public String getWorkload() {
            return alert.namespace() + "/" + alert.workload();
        }

        public String getTitle() {
            return alert.title();
        }

        public String getSummary() {
            return alert.summary();
        }

        public String getFirstSeen() {
            return alert.firstSeen().toString();
        }

        public String getLastSeen() {
            return alert.lastSeen().toString();
        }

        /** When it was resolved, or null for an open alert. */
        public String getResolvedAt() {
            return resolvedAt == null ? null : resolvedAt.toString();
        }

        /** {@code series: score 0.97}, or null for workload state. */
        public String getSeries() {
            Evidence evidence = alert.evidence();
            if (evidence.series() == null) {
                return null;
            }
            return evidence.score() == null ? evidence.series()
                    : evidence.series() + ": score " + String.format(Locale.ROOT, "%.2f", evidence.score());
        }

        public String getExplanation() {
            return alert.evidence().explanation();
        }

        /** What the API server reported: container states, conditions, warning events. */
        public List<String> getObservations() {
            return alert.evidence().observations();
        }

        /** The latest values, oldest first, or null if there are none. */
        public String getRecentValues() {
            List<Float> values = alert.evidence().recentValues();
            if (values.isEmpty()) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            for (Float value : values) {
                texts.add(String.valueOf(value));
            }
            return String.join(", ", texts);
        }

        /** Where the series is heading, or null. */
        public String getForecast() {
            var forecast = alert.evidence().forecast();
            if (forecast == null) {
                return null;
            }
            return forecast.breachAt() == null ? forecast.summary()
                    : forecast.summary() + " (limit expected at " + forecast.breachAt() + ")";
        }

        /** Other signals that moved with this one, strongest first. */
        public List<String> getRelatedSignals() {
            return alert.evidence().correlatedSignals().stream()
                    .sorted(Comparator.comparingDouble(CorrelatedSignal::strength).reversed())
                    .map(signal -> signal.signal() + " (" + String.format(Locale.ROOT, "%.2f", signal.strength())
                            + "): " + signal.summary())
                    .toList();
        }
    }

    /** The monitor's figures for the page. */
    public static final class StatsView {
        private final MonitorStats stats;

        StatsView(MonitorStats stats) {
            this.stats = stats;
        }

        public boolean isRunning() {
            return stats.running();
        }

        public int getWorkloads() {
            return stats.workloads();
        }

        public long getWatchNotifications() {
            return stats.watchNotifications();
        }

        public int getSeries() {
            return stats.series();
        }

        public long getPoints() {
            return stats.points();
        }

        /** Skipped points: the total and why. */
        public String getSkipped() {
            var skipped = stats.skipped();
            return skipped.total() + " (NaN " + skipped.notANumber() + ", infinite " + skipped.infinite()
                    + ", out of order " + skipped.nonMonotonic() + ")";
        }

        public long getAlertsRaised() {
            return stats.alertsRaised();
        }

        public long getAlertsResolved() {
            return stats.alertsResolved();
        }

        public int getOpenAlerts() {
            return stats.openAlerts();
        }

        /** When the last pass ran. */
        public String getLastCollection() {
            return stats.lastCollection() == null ? "none yet" : stats.lastCollection().toString();
        }

        /** The latest error of informers, sources or the store. */
        public String getLastError() {
            return stats.lastError() == null ? "none" : stats.lastError();
        }

        /** Sources without data in the last pass: {@code source namespace/workload: why}. */
        public List<String> getNoData() {
            return stats.noData().entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                    .toList();
        }
    }
}
