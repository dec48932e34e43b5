package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.aidevops.cluster.Workloads.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

class PodMetricsTest extends WithSteppedCluster {

    private static final List<String> BUCKETS =
            List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf");

    /** Scrapes a pod the way Prometheus would: at the URL its annotation names. */
    static Exposition scrape(Pod pod) {
        HttpResponse<String> response = Http.get(pod.getMetadata().getAnnotations().get("aidevops.io/metrics-url"));
        assertThat(response.statusCode()).isEqualTo(200);
        return Exposition.parse(response.body());
    }

    @Test
    void shouldAnnotatePodsWithTheirScrapeAddress() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");

        Pod pod = Workloads.pods(cluster.client(), "web").get(0);
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String path = "/pods/default/" + pod.getMetadata().getName() + "/metrics";
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", path);
        assertThat(annotations.get("aidevops.io/metrics-url"))
                .isEqualTo("http://" + pod.getStatus().getPodIP() + ":" + annotations.get("prometheus.io/port") + path);
    }

    @Test
    void shouldServeTheFourMetricFamiliesInPrometheusTextFormat() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        cluster.stepFor(Duration.ofSeconds(30));

        Pod pod = Workloads.pods(cluster.client(), "web").get(0);
        HttpResponse<String> response = Http.get(pod.getMetadata().getAnnotations().get("aidevops.io/metrics-url"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Exposition metrics = Exposition.parse(response.body());

        assertThat(metrics.types()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http_requests_total", "counter",
                "http_request_duration_seconds", "histogram",
                "process_cpu_seconds_total", "counter",
                "process_resident_memory_bytes", "gauge"));
        assertThat(metrics.help()).containsOnlyKeys(metrics.types().keySet());
        List<Double> buckets = BUCKETS.stream()
                .map(le -> metrics.value("http_request_duration_seconds_bucket{le=\"" + le + "\"}"))
                .collect(Collectors.toList());
        assertThat(buckets).isSorted();
        assertThat(buckets.get(buckets.size() - 1)).isEqualTo(metrics.value("http_request_duration_seconds_count"))
                .isEqualTo(metrics.requests());
        // About 20 requests per second for the ~28 s the pod has been ready, latency around 40 ms.
        assertThat(metrics.requests()).isBetween(400.0, 720.0);
        assertThat(metrics.meanLatencySeconds()).isBetween(0.03, 0.06);
        assertThat(metrics.value("process_cpu_seconds_total")).isBetween(3.0, 6.5);
        assertThat(metrics.value("process_resident_memory_bytes")).isBetween(90.0 * 1024 * 1024, 102.0 * 1024 * 1024);
    }

    @Test
    void shouldAgreeWithinAnInstantAndNeverCountBackwards() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        Pod pod = Workloads.pods(cluster.client(), "web").get(0);

        Exposition previous = scrape(pod);
        for (int scrape = 0; scrape < 10; scrape++) {
            cluster.simulator().advance(Duration.ofSeconds(5));
            Exposition now = scrape(pod);
            assertThat(scrape(pod).samples()).as("a second scrape at the same instant").isEqualTo(now.samples());
            for (String counter : List.of("http_requests_total{code=\"200\"}", "http_requests_total{code=\"500\"}",
                    "http_request_duration_seconds_count", "http_request_duration_seconds_sum",
                    "process_cpu_seconds_total")) {
                assertThat(now.value(counter)).as(counter).isGreaterThanOrEqualTo(previous.value(counter));
            }
            previous = now;
        }
        assertThat(previous.requests()).isPositive();
    }

    @Test
    void shouldRaiseErrorRateAndLatencyForABadTag() {
        Workloads.create(cluster.client(), Workloads.deployment("good", "shop:v1", 1));
        Workloads.create(cluster.client(), Workloads.deployment("bad", "shop:v2-bad", 1));
        cluster.rollOut("good");
        cluster.rollOut("bad");
        cluster.simulator().advance(Duration.ofMinutes(2));

        Exposition good = scrape(Workloads.pods(cluster.client(), "good").get(0));
        Exposition bad = scrape(Workloads.pods(cluster.client(), "bad").get(0));

        assertThat(good.errorRatio()).isLessThan(0.01);
        assertThat(bad.errorRatio()).isBetween(0.05, 0.11);
        assertThat(bad.meanLatencySeconds()).isGreaterThan(2 * good.meanLatencySeconds());
    }

    @Test
    void shouldResetCountersWhenTheContainerRestarts() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        cluster.stepFor(Duration.ofSeconds(30));
        Pod pod = Workloads.pods(cluster.client(), "web").get(0);
        double before = scrape(pod).requests();

        cluster.simulator().restartContainer(NAMESPACE, pod.getMetadata().getName());
        cluster.stepFor(Duration.ofSeconds(5));

        double after = scrape(pod).requests();
        assertThat(before).isGreaterThan(300);
        assertThat(after).isLessThan(before).isLessThan(100);
    }

    @Test
    void shouldAnswer503WhileTheContainerIsNotRunning() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        Pod pod = Workloads.pods(cluster.client(), "web").get(0);

        cluster.simulator().oomKill(NAMESPACE, pod.getMetadata().getName());

        assertThat(Http.get(pod.getMetadata().getAnnotations().get("aidevops.io/metrics-url")).statusCode())
                .isEqualTo(503);
    }

    @Test
    void shouldApplyABehaviourChangedAtRunTimeToRunningPods() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 1));
        cluster.rollOut("web");
        cluster.simulator().advance(Duration.ofSeconds(60));
        Pod pod = Workloads.pods(cluster.client(), "web").get(0);
        Exposition before = scrape(pod);

        cluster.simulator().setBehaviour(NAMESPACE, "web", WorkloadBehaviour.healthy().withErrorRatio(0.5));
        cluster.simulator().advance(Duration.ofSeconds(60));
        Exposition after = scrape(pod);

        double newErrors = after.value("http_requests_total{code=\"500\"}")
                - before.value("http_requests_total{code=\"500\"}");
        double newRequests = after.requests() - before.requests();
        assertThat(before.errorRatio()).isLessThan(0.02);
        assertThat(newErrors / newRequests).isBetween(0.4, 0.6);
        assertThat(after.requests()).as("counters kept counting").isGreaterThan(before.requests());

        cluster.simulator().clearBehaviour(NAMESPACE, "web");
        cluster.simulator().advance(Duration.ofSeconds(60));
        Exposition healed = scrape(pod);
        double laterErrors = healed.value("http_requests_total{code=\"500\"}")
                - after.value("http_requests_total{code=\"500\"}");
        assertThat(laterErrors / (healed.requests() - after.requests())).isLessThan(0.02);
    }

    @Test
    void shouldProduceTheSameWorldFromTheSameSeed() {
        Workloads.create(cluster.client(), Workloads.deployment("web", "shop:v1", 2));
        cluster.rollOut("web");
        cluster.stepFor(Duration.ofSeconds(20));

        try (SteppedCluster twin = SteppedCluster.start()) {
            Workloads.create(twin.client(), Workloads.deployment("web", "shop:v1", 2));
            twin.rollOut("web");
            twin.stepFor(Duration.ofSeconds(20));

            List<Pod> pods = Workloads.pods(cluster.client(), "web");
            List<Pod> twinPods = Workloads.pods(twin.client(), "web");
            assertThat(twinPods).extracting(twinPod -> twinPod.getMetadata().getName())
                    .isEqualTo(pods.stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toList()));
            assertThat(twin.clock().instant()).isEqualTo(cluster.clock().instant());
            assertThat(scrape(twinPods.get(0)).samples()).isEqualTo(scrape(pods.get(0)).samples());
        }
    }
}
