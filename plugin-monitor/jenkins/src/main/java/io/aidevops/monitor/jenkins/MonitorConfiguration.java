package io.aidevops.monitor.jenkins;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.monitor.MonitorSettings;
import io.aidevops.monitor.forecast.ForecastSettings;
import io.aidevops.monitor.metric.PrometheusSettings;
import io.aidevops.monitor.watch.WatchScope;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * <em>Manage Jenkins → System → AI DevOps monitor</em>, and {@code unclassified: aidevopsMonitor:} in Configuration
 * as Code: what the monitor watches, where metrics come from and how series are scored. Stored in
 * {@code JENKINS_HOME/io.aidevops.monitor.jenkins.MonitorConfiguration.xml}; secrets only as credential ids.
 *
 * <p>Configuration only: {@link #settings()} maps the values onto the core's {@link MonitorSettings} the way the
 * CLI service's {@code MonitorSetup} maps its {@code monitoring} section, and every range and name is checked by the
 * core's own types (the form checks call them too).
 */
@Extension
@Symbol("aidevopsMonitor")
public final class MonitorConfiguration extends GlobalConfiguration {

    static final int DEFAULT_INTERVAL_SECONDS = 30;
    /** The monitor task wakes up every 5 s ({@link MonitorWork#TICK_MILLIS}); a shorter interval cannot be kept. */
    static final int MIN_INTERVAL_SECONDS = 5;
    static final int MAX_INTERVAL_SECONDS = 86_400;
    static final int DEFAULT_FORECAST_HORIZON_SECONDS = 3_600;
    static final int MIN_FORECAST_HORIZON_SECONDS = 60;
    static final int MAX_FORECAST_HORIZON_SECONDS = 7 * 86_400;

    // The same forms the CLI service accepts for monitoring.namespaces and monitoring.selector.
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SELECTOR_TERM = Pattern.compile("[A-Za-z0-9./_-]+\\s*==?\\s*[A-Za-z0-9._-]*");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private boolean enabled;
    private int intervalSeconds = DEFAULT_INTERVAL_SECONDS;
    private String namespaces;
    private String labelSelector;
    private String detector = Detectors.DEFAULT;
    private String prometheusUrl;
    private String prometheusCredentialsId;
    private String kubeconfigCredentialsId;
    private int forecastHorizonSeconds = DEFAULT_FORECAST_HORIZON_SECONDS;
    private String limits;

    /** Bumped by every setter (form, Configuration as Code): the monitor task then restarts the monitor at once. */
    private transient volatile long revision;

    public MonitorConfiguration() {
        load();
    }

    /** The one instance Jenkins holds. */
    public static MonitorConfiguration get() {
        return ExtensionList.lookupSingleton(MonitorConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "AI DevOps monitor";
    }

    /** Binds the whole form and saves once (the setters save one by one when Configuration as Code calls them). */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        BulkChange change = new BulkChange(this);
        try {
            req.bindJSON(this, json);
            change.commit();
        } catch (IOException e) {
            throw new FormException("cannot save the AI DevOps monitor configuration: " + e.getMessage(), e,
                    "enabled");
        } finally {
            change.abort();
        }
        return true;
    }

    private void changed() {
        revision++;
        save();
    }

    // ---- properties: public getters and @DataBoundSetter setters (the form, Configuration as Code) ----

    public boolean isEnabled() {
        return enabled;
    }

    @DataBoundSetter
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        changed();
    }

    public int getIntervalSeconds() {
        return intervalSeconds;
    }

    @DataBoundSetter
    public void setIntervalSeconds(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
        changed();
    }

    public String getNamespaces() {
        return namespaces;
    }

    /** Namespaces to watch, separated by commas or white space; empty for every namespace the client may list. */
    @DataBoundSetter
    public void setNamespaces(String namespaces) {
        this.namespaces = Util.fixEmptyAndTrim(namespaces);
        changed();
    }

    public String getLabelSelector() {
        return labelSelector;
    }

    /** {@code key=value} terms joined by commas; empty for the suite's own label. */
    @DataBoundSetter
    public void setLabelSelector(String labelSelector) {
        this.labelSelector = Util.fixEmptyAndTrim(labelSelector);
        changed();
    }

    public String getDetector() {
        return detector;
    }

    @DataBoundSetter
    public void setDetector(String detector) {
        String value = Util.fixEmptyAndTrim(detector);
        this.detector = value == null ? Detectors.DEFAULT : value;
        changed();
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    /** The Prometheus HTTP API; empty to scrape each pod's own metrics endpoint instead. */
    @DataBoundSetter
    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = Util.fixEmptyAndTrim(prometheusUrl);
        changed();
    }

    public String getPrometheusCredentialsId() {
        return prometheusCredentialsId;
    }

    /** A Secret text credential: the bearer token for Prometheus. */
    @DataBoundSetter
    public void setPrometheusCredentialsId(String prometheusCredentialsId) {
        this.prometheusCredentialsId = Util.fixEmptyAndTrim(prometheusCredentialsId);
        changed();
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    /** A Secret file credential holding a kubeconfig; empty for the client's default (in-cluster, KUBECONFIG). */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Util.fixEmptyAndTrim(kubeconfigCredentialsId);
        changed();
    }

    public int getForecastHorizonSeconds() {
        return forecastHorizonSeconds;
    }

    @DataBoundSetter
    public void setForecastHorizonSeconds(int forecastHorizonSeconds) {
        this.forecastHorizonSeconds = forecastHorizonSeconds;
        changed();
    }

    public String getLimits() {
        return limits;
    }

    /** One {@code metric=value} per line: the value the metric must stay below (an SLO). */
    @DataBoundSetter
    public void setLimits(String limits) {
        this.limits = Util.fixEmptyAndTrim(limits);
        changed();
    }

    // ---- mapping onto the core ----

    /** Changes with every setter call; see {@link MonitorWork}. */
    long revision() {
        return revision;
    }

    /** The time between two collection passes, kept within what the monitor task can honour. */
    Duration interval() {
        return Duration.ofSeconds(Math.max(MIN_INTERVAL_SECONDS, Math.min(MAX_INTERVAL_SECONDS, intervalSeconds)));
    }

    /**
     * What to watch and how to score, as the core takes it.
     *
     * @throws IllegalArgumentException naming the value the core rejects (unknown detector, bad horizon or limit,
     *         a selector term or namespace that is not one)
     */
    MonitorSettings settings() {
        Map<String, String> labels = selectorLabels(labelSelector);
        WatchScope scope = new WatchScope(namespaceList(namespaces),
                labels.isEmpty() ? WatchScope.suite().labels() : labels);
        MonitorSettings defaults = MonitorSettings.defaults();
        return defaults.withScope(scope)
                .withPipeline(defaults.pipeline().withDetector(detector))
                .withForecast(new ForecastSettings(Duration.ofSeconds(forecastHorizonSeconds), limitMap(limits)));
    }

    static List<String> namespaceList(String text) {
        List<String> names = new ArrayList<>();
        for (String name : SEPARATORS.split(Util.fixNull(text).trim())) {
            if (name.isEmpty()) {
                continue;
            }
            if (!NAMESPACE.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a Kubernetes namespace name (lower-case "
                        + "letters, digits and '-', at most 63)");
            }
            names.add(name);
        }
        return names;
    }

    static Map<String, String> selectorLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (Util.fixEmptyAndTrim(text) == null) {
            return labels;
        }
        for (String term : text.split(",")) {
            if (!SELECTOR_TERM.matcher(term.strip()).matches()) {
                throw new IllegalArgumentException("'" + term.strip() + "' is not a label term such as app=web "
                        + "(the monitor selects by labels that must all match)");
            }
            String[] parts = term.split("==?", 2);
            labels.put(parts[0].strip(), parts[1].strip());
        }
        return labels;
    }

    static Map<String, Double> limitMap(String text) {
        Map<String, Double> limits = new LinkedHashMap<>();
        for (String line : Util.fixNull(text).split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not metric=value, e.g. latency_p99=0.5");
            }
            String metric = entry.substring(0, equals).strip();
            String value = entry.substring(equals + 1).strip();
            try {
                limits.put(metric, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the limit of " + metric + " must be a number, but is '" + value
                        + "'");
            }
        }
        return limits;
    }

    // ---- form validation and lists (administrators only, like the page itself) ----

    private static boolean mayConfigure() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    @POST
    public FormValidation doCheckIntervalSeconds(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        return checkRange(value, MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, "the interval");
    }

    @POST
    public FormValidation doCheckForecastHorizonSeconds(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        return checkRange(value, MIN_FORECAST_HORIZON_SECONDS, MAX_FORECAST_HORIZON_SECONDS, "the forecast horizon");
    }

    private static FormValidation checkRange(String value, int min, int max, String what) {
        try {
            int number = Integer.parseInt(Util.fixNull(value).trim());
            if (number >= min && number <= max) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(what + " must be a whole number of seconds from " + min + " to " + max);
    }

    @POST
    public FormValidation doCheckNamespaces(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        try {
            new WatchScope(namespaceList(value), WatchScope.suite().labels());
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckLabelSelector(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        try {
            selectorLabels(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Only the detectors {@link Detectors#names()} knows; the summary of the chosen one otherwise. */
    @POST
    public FormValidation doCheckDetector(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        String name = Util.fixEmptyAndTrim(value);
        if (name == null) {
            return FormValidation.ok("the default detector, " + Detectors.DEFAULT);
        }
        if (!Detectors.names().contains(name)) {
            return FormValidation.error("unknown detector '" + name + "'; known: " + String.join(", ",
                    Detectors.names()));
        }
        return FormValidation.ok(Detectors.descriptor(name).summary());
    }

    @POST
    public ListBoxModel doFillDetectorItems() {
        ListBoxModel items = new ListBoxModel();
        for (String name : Detectors.names()) {
            items.add(name, name);
        }
        return items;
    }

    @POST
    public FormValidation doCheckPrometheusUrl(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok("no Prometheus: each pod's own metrics endpoint is scraped");
        }
        try {
            if (URI.create(url).getUserInfo() != null) {
                // Credentials in a URL end up wherever the URL is shown; the token belongs in a credential.
                return FormValidation.error("the URL carries credentials; choose a Secret text credential instead");
            }
            PrometheusSettings.of(url);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error("expected an http:// or https:// URL, such as http://prometheus:9090");
        }
    }

    @POST
    public FormValidation doCheckLimits(@QueryParameter String value) {
        if (!mayConfigure()) {
            return FormValidation.ok();
        }
        try {
            new ForecastSettings(ForecastSettings.DEFAULT_HORIZON, limitMap(value));
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public ListBoxModel doFillPrometheusCredentialsIdItems(@QueryParameter String prometheusCredentialsId) {
        return credentials(StringCredentials.class, prometheusCredentialsId);
    }

    @POST
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
        return credentials(FileCredentials.class, kubeconfigCredentialsId);
    }

    /** Credentials metadata only for administrators; the monitor runs as SYSTEM, so SYSTEM's view is listed. */
    private static ListBoxModel credentials(Class<? extends StandardCredentials> type, String current) {
        String value = Util.fixNull(current);
        if (!mayConfigure()) {
            return new StandardListBoxModel().includeCurrentValue(value);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), type, List.of())
                .includeCurrentValue(value);
    }
}
