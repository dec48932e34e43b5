package io.aidevops.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.Classification;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.JudgeRequest;
import io.aidevops.ai.canary.MetricInput;
import io.aidevops.ai.canary.MetricKind;
import io.aidevops.ai.canary.MetricSpec;
import io.aidevops.cluster.AcceleratedClock;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole metric path against a real Prometheus (started by {@code .ci/run}, see {@code .ci/prometheus}): the
 * embedded cluster's pods are scraped by Prometheus, the built-in PromQL of the provider reads them back per track,
 * and the judge sees the bad canary. Runs when {@code AIDEVOPS_PROMETHEUS_TARGETS} names the folder whose file_sd
 * JSON Prometheus watches; fails, never skips, once it is set.
 */
@EnabledIfEnvironmentVariable(named = "AIDEVOPS_PROMETHEUS_TARGETS", matches = ".+")
class PrometheusScrapeIT {

    private static final String NS = "shop";

    @Test
    void builtInQueriesSeeTheBadCanaryThroughARealPrometheus() throws Exception {
        String url = System.getenv("AIDEVOPS_PROMETHEUS_URL");
        Path targets = Path.of(System.getenv("AIDEVOPS_PROMETHEUS_TARGETS"));
        // Ten times faster: every real second of scraping sees ten seconds of simulated traffic.
        var clock = AcceleratedClock.startingNow(10);
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults().withClock(clock))) {
            var client = cluster.client();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata()
                    .build()).create();
            create(cluster, "web", 2, "registry.local/web:1.0", "stable");
            create(cluster, "web-canary", 1, "registry.local/web:1.1-bad", "canary");
            cluster.awaitRollout(NS, "web", Duration.ofSeconds(30));
            cluster.awaitRollout(NS, "web-canary", Duration.ofSeconds(30));

            Path file = targets.resolve("it-" + ProcessHandle.current().pid() + ".json");
            Files.writeString(file, fileSd(client.pods().inNamespace(NS).list().getItems()));
            try {
                awaitScrapes(url, 3);
                Thread.sleep(12_000);
                Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                var window = new AnalysisWindow(end.minusSeconds(10), end, Duration.ofSeconds(1));
                var provider = new PrometheusMetricProvider(PrometheusConfig.of(url)
                        .withRateWindow(Duration.ofSeconds(3)));
                var target = new RolloutTarget(NS, "web", "web", "web-canary", "web");

                var inputs = new ArrayList<MetricInput>();
                for (var metric : List.of("error_rate", "latency_mean", "throughput")) {
                    MetricFetch fetch = provider.fetch(target, MetricQuery.builtIn(metric), window);
                    assertThat(fetch).as(metric + ": " + fetch).isInstanceOf(MetricFetch.Samples.class);
                    var samples = ((MetricFetch.Samples) fetch).samples();
                    assertThat(samples.baselinePresent().length).as(metric).isGreaterThanOrEqualTo(10);
                    assertThat(samples.canaryPresent().length).as(metric).isGreaterThanOrEqualTo(5);
                    inputs.add(new MetricInput(MetricSpec.of(metric, MetricQuery.builtIn(metric).kind())
                            .withMinSamples(5), samples));
                }
                CanaryVerdict verdict = new AdaptiveJudge().judge(JudgeRequest.of(inputs));

                assertThat(verdict.metric("error_rate").classification()).as(verdict.metric("error_rate").reason())
                        .isEqualTo(Classification.HIGH);
                assertThat(verdict.metric("latency_mean").classification())
                        .as(verdict.metric("latency_mean").reason()).isEqualTo(Classification.HIGH);
                assertThat(verdict.metric("throughput").classification()).isEqualTo(Classification.PASS);
                assertThat(verdict.metric("error_rate").canary().mean()).isBetween(0.04, 0.12);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void create(EmbeddedCluster cluster, String name, int replicas, String image, String track) {
        cluster.client().apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
                .withName(name).endMetadata().withNewSpec().withReplicas(replicas).withNewSelector()
                .addToMatchLabels("app", "web").addToMatchLabels("track", track).endSelector().withNewTemplate()
                .withNewMetadata().addToLabels("app", "web").addToLabels("track", track).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage(image).endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
    }

    /** Prometheus file_sd: one target per pod, labelled as Kubernetes service discovery would relabel it. */
    private static String fileSd(List<Pod> pods) throws Exception {
        var groups = new ArrayList<Map<String, Object>>();
        for (Pod pod : pods) {
            URI metrics = URI.create(pod.getMetadata().getAnnotations().get("aidevops.io/metrics-url"));
            groups.add(Map.of("targets", List.of(metrics.getHost() + ":" + metrics.getPort()),
                    "labels", Map.of("__metrics_path__", metrics.getPath(), "namespace", NS, "pod",
                            pod.getMetadata().getName(), "track", pod.getMetadata().getLabels().get("track"))));
        }
        return new ObjectMapper().writeValueAsString(groups);
    }

    private static void awaitScrapes(String url, int targets) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String query = java.net.URLEncoder.encode("count(up{job=\"aidevops-it\"} == 1)",
                java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            var body = http.send(java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/query?query="
                    + query)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"" + targets + "\"]")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus at " + url + " did not scrape " + targets + " targets in 20 s");
    }
}
