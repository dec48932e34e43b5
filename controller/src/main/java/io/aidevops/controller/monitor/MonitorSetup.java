package io.aidevops.controller.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.aidevops.controller.config.MonitoringConfig;
import io.aidevops.monitor.MonitorSettings;
import io.aidevops.monitor.forecast.ForecastSettings;
import io.aidevops.monitor.metric.MetricSource;
import io.aidevops.monitor.metric.PodScrapeSource;
import io.aidevops.monitor.metric.PrometheusSettings;
import io.aidevops.monitor.metric.PrometheusSource;
import io.aidevops.monitor.metric.QueryTemplates;
import io.aidevops.monitor.watch.WatchScope;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The monitor's settings and sources as the {@code monitoring} section of the configuration asks. */
public final class MonitorSetup {

    private MonitorSetup() {
    }

    /** What to watch and how to score, from the configuration. */
    public static MonitorSettings settings(MonitoringConfig config) {
        Map<String, String> labels = config.selectorLabels();
        WatchScope scope = new WatchScope(config.namespaces(), labels.isEmpty() ? WatchScope.suite().labels()
                : labels);
        var defaults = MonitorSettings.defaults();
        return defaults.withScope(scope).withPipeline(defaults.pipeline().withDetector(config.detector()))
                .withForecast(new ForecastSettings(Duration.ofSeconds(config.forecastHorizon()), config.limits()));
    }

    /**
     * The metric sources: Prometheus when {@code monitoring.prometheus.url} is set (its queries replacing the
     * built-in ones where given), otherwise the pods' own metrics endpoints.
     */
    public static Function<KubernetesClient, List<MetricSource>> sources(MonitoringConfig config) {
        if (config.prometheus().isEmpty()) {
            return client -> List.of(new PodScrapeSource());
        }
        var prometheus = config.prometheus().get();
        var settings = PrometheusSettings.of(prometheus.url().toString());
        if (!prometheus.queries().isEmpty()) {
            var queries = new java.util.LinkedHashMap<>(QueryTemplates.STANDARD.defaults());
            queries.putAll(prometheus.queries());
            settings = settings.withQueries(QueryTemplates.of(queries));
        }
        if (prometheus.bearerToken().isPresent()) {
            var secret = prometheus.bearerToken().get();
            // A token file is read again for every query, so a rotated token is used without a restart.
            settings = secret.file().isPresent() ? settings.withBearerTokenFile(secret.file().get())
                    : settings.withBearerToken(secret.reveal());
        }
        var source = new PrometheusSource(settings);
        return client -> List.of(source);
    }
}
