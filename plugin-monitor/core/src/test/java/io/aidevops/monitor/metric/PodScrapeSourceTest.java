package io.aidevops.monitor.metric;

import io.aidevops.cluster.WorkloadBehaviour;
import io.aidevops.monitor.MonitoredCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pod scraping against the embedded cluster's simulated pods and their metrics endpoints. */
class PodScrapeSourceTest {

    private final MonitoredCluster cluster = new MonitoredCluster();
    private final PodScrapeSource source = new PodScrapeSource();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Workload shop() {
        return new Workload(MonitoredCluster.NAMESPACE, "shop", cluster.pods("shop"));
    }

    private static Map<String, Double> values(MetricResult result) {
        assertThat(result).as(result.toString()).isInstanceOf(MetricResult.Samples.class);
        return ((MetricResult.Samples) result).samples().stream()
                .collect(Collectors.toMap(sample -> sample.series().metric(), Sample::value));
    }

    @Test
    void secondScrapeGivesRatesOfTheWorkload() {
        cluster.deploy("shop", "shop:1", 2);
        cluster.advance(Duration.ofSeconds(30));
        Map<String, Double> first = values(source.collect(shop(), cluster.now()));
        cluster.advance(Duration.ofSeconds(60));

        Map<String, Double> second = values(source.collect(shop(), cluster.now()));

        assertThat(first).containsOnlyKeys("memory");
        assertThat(second).containsOnlyKeys("throughput", "error_rate", "latency_mean", "cpu", "memory");
        // Healthy: 20 req/s per pod, 0.2 % errors, 40 ms median latency, 0.15 cores, 96 MiB per pod.
        assertThat(second.get("throughput")).isCloseTo(40, within(8.0));
        assertThat(second.get("error_rate")).isBetween(0.0, 0.02);
        assertThat(second.get("latency_mean")).isBetween(0.03, 0.08);
        assertThat(second.get("cpu")).isCloseTo(0.3, within(0.1));
        assertThat(second.get("memory")).isCloseTo(96.0 * 1024 * 1024, within(20.0 * 1024 * 1024));
    }

    @Test
    void errorRateFollowsTheWorkloadsBehaviour() {
        cluster.deploy("shop", "shop:1", 2);
        source.collect(shop(), cluster.now());
        cluster.simulator().setBehaviour(MonitoredCluster.NAMESPACE, "shop",
                WorkloadBehaviour.healthy().withErrorRatio(0.25));
        cluster.advance(Duration.ofSeconds(60));

        assertThat(values(source.collect(shop(), cluster.now())).get("error_rate")).isCloseTo(0.25, within(0.05));
    }

    @Test
    void restartedContainerIsACounterResetNotANegativeRate() {
        cluster.deploy("shop", "shop:1", 1);
        cluster.advance(Duration.ofSeconds(60));
        source.collect(shop(), cluster.now());
        cluster.simulator().restartContainer(MonitoredCluster.NAMESPACE, cluster.pods("shop").get(0)
                .getMetadata().getName());
        cluster.advance(Duration.ofSeconds(30));

        Map<String, Double> values = values(source.collect(shop(), cluster.now()));

        assertThat(values.get("throughput")).isBetween(0.0, 30.0);
        assertThat(values.get("cpu")).isNotNegative();
    }

    @Test
    void workloadWithoutScrapablePodsIsNoData() {
        Pod pending = new PodBuilder().withNewMetadata().withName("shop-1").withNamespace("ns").endMetadata()
                .withNewStatus().withPhase("Pending").endStatus().build();
        Pod foreign = new PodBuilder().withNewMetadata().withName("shop-2").withNamespace("ns")
                .addToAnnotations(PodScrapeSource.METRICS_URL_ANNOTATION, "file:///etc/passwd").endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build();
        Pod elsewhere = new PodBuilder().withNewMetadata().withName("shop-3").withNamespace("ns")
                .addToAnnotations(PodScrapeSource.METRICS_URL_ANNOTATION,
                        "http://169.254.169.254/latest/meta-data/").endMetadata()
                .withNewStatus().withPhase("Running").withPodIP("10.1.2.3").endStatus().build();

        MetricResult result = source.collect(new Workload("ns", "shop", List.of(pending, foreign, elsewhere)),
                cluster.now());

        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                .contains("no running pod of ns/shop announces its metrics")
                .contains("only http and https URLs are scraped")
                .contains("pod shop-3 announces metrics on host 169.254.169.254, which is neither its own IP nor "
                        + "this machine; not scraped"));
    }

    @Test
    void podThatDoesNotAnswerIsNoDataNotAnError() {
        Pod gone = new PodBuilder().withNewMetadata().withName("shop-1").withNamespace("ns")
                .addToAnnotations(PodScrapeSource.METRICS_URL_ANNOTATION, "http://127.0.0.1:1/metrics").endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build();

        MetricResult result = source.collect(new Workload("ns", "shop", List.of(gone)), cluster.now());

        assertThat(result).isInstanceOfSatisfying(MetricResult.NoData.class, noData -> assertThat(noData.reason())
                .contains("scraping pod shop-1 failed"));
    }
}
