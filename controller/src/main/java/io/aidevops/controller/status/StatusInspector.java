package io.aidevops.controller.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aidevops.controller.SuiteVersion;
import io.aidevops.controller.config.ConfigException;
import io.aidevops.controller.config.LoadedConfig;
import io.aidevops.controller.kube.ClusterTargets;
import io.aidevops.controller.service.ControllerEndpoint;

/** Checks every part of an installation and says how usable it is, with the evidence for each verdict. */
public final class StatusInspector {
    private final ClusterTargets targets;
    private final HttpProbe http;

    /**
     * @param targets how the cluster is found
     * @param http    probes the controller service and Prometheus
     */
    public StatusInspector(ClusterTargets targets, HttpProbe http) {
        this.targets = targets;
        this.http = http;
    }

    /**
     * @param loaded      the configuration
     * @param runningSelf the service's own URL when the service asks about itself, so it does not probe itself
     */
    public StatusReport inspect(LoadedConfig loaded, Optional<String> runningSelf) {
        var config = loaded.config();
        var kubernetes = KubernetesProbe.probe(targets.resolve(config.kubernetes(), config.app().dataDir()));
        var components = new ArrayList<ComponentStatus>();
        components.add(new ComponentStatus("configuration", Health.HEALTHY, "valid", loaded.describeSource()
                + ", environment " + loaded.environment() + ", log level " + loaded.logLevel() + " (from "
                + loaded.logLevelSource() + ")"));
        components.add(kubernetesComponent(kubernetes));
        components.add(controller(loaded, runningSelf));
        components.add(monitoring(loaded));
        var canary = config.deployment().strategies().canary();
        components.add(new ComponentStatus("deployment", Health.HEALTHY, canary.enabled() ? "enabled" : "disabled",
                "canary strategy " + (canary.enabled() ? "on, initial weight " + canary.initialWeight() + "%" : "off")));
        var scanning = config.security().scanning();
        components.add(new ComponentStatus("security", Health.HEALTHY, scanning.enabled() ? "enabled" : "disabled",
                scanning.enabled() ? "scheduled scan every " + scanning.interval() + " s" : "scheduled scans off"));
        var health = components.stream().map(ComponentStatus::health).reduce(Health.HEALTHY, Health::combine);
        return new StatusReport(health, loaded.environment(), loaded.describeSource(), SuiteVersion.current().suite(),
                SuiteVersion.java(), SuiteVersion.os(), kubernetes, components);
    }

    /** The report for a configuration that cannot be loaded: unusable, with the problems as evidence. */
    public static StatusReport unusable(ConfigException problem, String environment, String configSource) {
        var detail = String.join("; ", problem.problems().stream().map(Object::toString).toList());
        var kubernetes = new KubernetesStatus(Health.UNUSABLE, "unknown (configuration invalid)", null, List.of(),
                "configuration invalid", "fix the configuration; 'aidevops config validate' lists every problem");
        return new StatusReport(Health.UNUSABLE, environment, configSource, SuiteVersion.current().suite(),
                SuiteVersion.java(), SuiteVersion.os(), kubernetes,
                List.of(new ComponentStatus("configuration", Health.UNUSABLE, "invalid", detail)));
    }

    private static ComponentStatus kubernetesComponent(KubernetesStatus k) {
        if (k.health() == Health.HEALTHY) {
            var namespaces = k.namespaces().isEmpty() ? "namespaces not listable by this identity"
                    : k.namespaces().size() + " namespaces visible: " + String.join(", ", k.namespaces());
            return new ComponentStatus("kubernetes", Health.HEALTHY, "up", k.target() + ", server " + k.serverVersion()
                    + ", " + namespaces);
        }
        return new ComponentStatus("kubernetes", k.health(), "unreachable", k.problem() + "; " + k.hint());
    }

    private ComponentStatus controller(LoadedConfig loaded, Optional<String> runningSelf) {
        if (runningSelf.isPresent()) {
            return new ComponentStatus("controller", Health.HEALTHY, "up", "serving at " + runningSelf.get());
        }
        var endpoint = ControllerEndpoint.read(loaded.config().app().dataDir());
        if (endpoint.isEmpty()) {
            return new ComponentStatus("controller", Health.HEALTHY, "stopped", "not running; start it with "
                    + "'aidevops start'");
        }
        var url = endpoint.get().url();
        var pid = endpoint.get().pid();
        var answer = http.get(URI.create(url + "/api/v1/health"), Optional.empty());
        if (answer.ok()) {
            return new ComponentStatus("controller", Health.HEALTHY, "up", "serving at " + url + " (pid " + pid + ")");
        }
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            // No answer and no such process (here): the service was killed before it could remove its record.
            ControllerEndpoint.remove(loaded.config().app().dataDir(), pid);
            return new ComponentStatus("controller", Health.HEALTHY, "stopped", "not running (pid " + pid
                    + " has ended; its record was removed); start it with 'aidevops start'");
        }
        // The process lives but does not answer: hung or overloaded, which users need to know.
        return new ComponentStatus("controller", Health.DEGRADED, "not answering", url + " (pid " + pid
                + ") does not answer /api/v1/health (" + describe(answer) + ")");
    }

    private ComponentStatus monitoring(LoadedConfig loaded) {
        var monitoring = loaded.config().monitoring();
        if (!monitoring.enabled()) {
            return new ComponentStatus("monitoring", Health.HEALTHY, "disabled", "monitoring.enabled is false");
        }
        var every = "every " + monitoring.interval() + " s";
        if (monitoring.prometheus().isEmpty()) {
            return new ComponentStatus("monitoring", Health.HEALTHY, "enabled", every + ", metrics from pods' own "
                    + "endpoints (no monitoring.prometheus.url)");
        }
        var prometheus = monitoring.prometheus().get();
        var answer = http.get(readiness(prometheus.url()), prometheus.bearerToken());
        if (answer.ok()) {
            return new ComponentStatus("monitoring", Health.HEALTHY, "enabled", every + ", Prometheus at "
                    + prometheus.url() + " ready");
        }
        return new ComponentStatus("monitoring", Health.DEGRADED, "metrics unavailable", "Prometheus at "
                + prometheus.url() + " not ready (" + describe(answer) + ")");
    }

    /** Prometheus' readiness endpoint, under the configured path (Prometheus may sit behind a path prefix). */
    static URI readiness(URI prometheus) {
        var base = prometheus.toString();
        return URI.create(base.endsWith("/") ? base + "-/ready" : base + "/-/ready");
    }

    private static String describe(HttpProbe.Result answer) {
        return answer.status() == 0 ? answer.body() : "HTTP " + answer.status();
    }
}
