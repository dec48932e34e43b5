package io.aidevops.monitor.metric;

import io.aidevops.ai.metrics.PrometheusText;
import io.fabric8.kubernetes.api.model.Pod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Points without Prometheus: scrapes each running pod of the workload at the URL in its annotation
 * {@value #METRICS_URL_ANNOTATION} (the embedded cluster's pods carry it) and compares with the pod's previous scrape.
 *
 * <p>One series per workload and metric: {@code throughput} (requests per second, summed over pods),
 * {@code error_rate} (5xx share of the requests since the last scrape), {@code latency_mean} (seconds),
 * {@code cpu} (cores, summed) and {@code memory} (resident bytes of the largest pod, where a leak shows first).
 * Counter resets (container restarts) are handled as PromQL's {@code rate} does. Rates need two scrapes of a pod, so
 * the first pass gives only {@code memory}; a workload without traffic between two passes has no error rate or
 * latency for that pass rather than a made-up zero.
 */
public final class PodScrapeSource implements MetricSource {

    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** The pod annotation holding the full URL of the pod's metrics. */
    public static final String METRICS_URL_ANNOTATION = "aidevops.io/metrics-url";

    /** Scrapes of pods not seen again for this long are forgotten (the pod, or its whole workload, is gone). */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final HttpClient http;
    private final Duration scrapeTimeout;
    private final Map<String, PodCounters> previous = new HashMap<>();

    /** Scraping with a 2 s timeout per pod. */
    public PodScrapeSource() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(2));
    }

    /**
     * @param http the client to scrape with
     * @param scrapeTimeout how long one scrape may take
     */
    public PodScrapeSource(HttpClient http, Duration scrapeTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.scrapeTimeout = Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
    }

    @Override
    public String name() {
        return "pod-scrape";
    }

    @Override
    public synchronized MetricResult collect(Workload workload, Instant now) {
        List<String> notes = new ArrayList<>();
        Map<String, CompletableFuture<HttpResponse<String>>> scrapes = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Pod pod : workload.pods()) {
            URI uri = metricsUri(pod, notes);
            if (uri != null && isRunning(pod)) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(scrapeTimeout)
                        .header("Accept", "text/plain;version=0.0.4").GET().build();
                scrapes.put(key(pod), http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                names.put(key(pod), pod.getMetadata().getName());
            }
        }
        if (scrapes.isEmpty()) {
            forget(now);
            return new MetricResult.NoData("no running pod of " + workload.key() + " announces its metrics in "
                    + METRICS_URL_ANNOTATION + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        }
        Totals totals = new Totals();
        scrapes.forEach((pod, scrape) -> {
            PodCounters current = read(names.get(pod), scrape, now, notes);
            if (current != null) {
                PodCounters before = previous.put(pod, current);
                totals.add(before != null && before.at().isBefore(now) ? before : null, current);
            }
        });
        forget(now);
        List<Sample> samples = totals.samples(workload, now);
        if (samples.isEmpty()) {
            return new MetricResult.NoData("no point from the pods of " + workload.key()
                    + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)));
        }
        if (!totals.hasRates) {
            notes.add("rates of " + workload.key() + " need a second scrape of a pod");
        }
        return new MetricResult.Samples(samples, notes);
    }

    private PodCounters read(String pod, CompletableFuture<HttpResponse<String>> scrape, Instant now,
            List<String> notes) {
        try {
            // The request's own timeout ends when the headers arrive; a body that trickles must not hold the pass.
            HttpResponse<String> response = scrape.get(2 * scrapeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                notes.add("pod " + pod + " answered HTTP " + response.statusCode());
                return null;
            }
            return PodCounters.of(now, PrometheusText.parse(response.body()));
        } catch (ExecutionException | CompletionException e) {
            notes.add("scraping pod " + pod + " failed: " + (e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            scrape.cancel(true);
            notes.add("pod " + pod + " did not finish its metrics within " + 2 * scrapeTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add("scraping pod " + pod + " was interrupted");
        } catch (IllegalArgumentException e) {
            notes.add("pod " + pod + " served metrics that are not Prometheus text");
        }
        return null;
    }

    private void forget(Instant now) {
        Instant horizon = now.minus(FORGET_AFTER);
        previous.values().removeIf(counters -> counters.at().isBefore(horizon));
    }

    private static URI metricsUri(Pod pod, List<String> notes) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String url = annotations == null ? null : annotations.get(METRICS_URL_ANNOTATION);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                notes.add("pod " + pod.getMetadata().getName() + " announces metrics at '" + url
                        + "'; only http and https URLs are scraped");
                return null;
            }
            // Only the pod itself (its IP) or this machine (the embedded cluster's pods): an annotation must not
            // make the monitor fetch another service, such as a cloud metadata endpoint or the API server.
            String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            String host = uri.getHost();
            if (host != null && (host.equals(podIp) || LOOPBACK.contains(host))) {
                return uri;
            }
            notes.add("pod " + pod.getMetadata().getName() + " announces metrics on host " + host
                    + ", which is neither its own IP nor this machine; not scraped");
            return null;
        } catch (IllegalArgumentException e) {
            notes.add("pod " + pod.getMetadata().getName() + " has an invalid " + METRICS_URL_ANNOTATION + " '"
                    + url + "'");
        }
        return null;
    }

    private static boolean isRunning(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    /** The uid: a pod deleted and recreated under the same name must not be compared with its predecessor. */
    private static String key(Pod pod) {
        String uid = pod.getMetadata().getUid();
        return uid != null ? uid : pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /** Sums over the pods of one workload. */
    private static final class Totals {
        double requestsPerSecond;
        double requests;
        double errors;
        double latencySum;
        double latencyCount;
        double cores;
        double memory = Double.NaN;
        boolean hasRequestRates;
        boolean hasCpuRates;
        boolean hasRates;

        void add(PodCounters before, PodCounters now) {
            if (Double.isFinite(now.memoryBytes())) {
                memory = Double.isNaN(memory) ? now.memoryBytes() : Math.max(memory, now.memoryBytes());
            }
            if (before == null) {
                return;
            }
            double seconds = (now.at().toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
            double requestIncrease = PodCounters.increase(before.requests(), now.requests());
            if (Double.isFinite(requestIncrease)) {
                hasRequestRates = true;
                hasRates = true;
                requestsPerSecond += requestIncrease / seconds;
                double errorIncrease = PodCounters.increase(before.errors(), now.errors());
                if (Double.isFinite(errorIncrease)) {
                    requests += requestIncrease;
                    errors += errorIncrease;
                }
            }
            double sumIncrease = PodCounters.increase(before.latencySum(), now.latencySum());
            double countIncrease = PodCounters.increase(before.latencyCount(), now.latencyCount());
            if (Double.isFinite(sumIncrease) && Double.isFinite(countIncrease)) {
                latencySum += sumIncrease;
                latencyCount += countIncrease;
            }
            double cpuIncrease = PodCounters.increase(before.cpuSeconds(), now.cpuSeconds());
            if (Double.isFinite(cpuIncrease)) {
                hasCpuRates = true;
                hasRates = true;
                cores += cpuIncrease / seconds;
            }
        }

        List<Sample> samples(Workload workload, Instant now) {
            List<Sample> samples = new ArrayList<>();
            if (hasRequestRates) {
                samples.add(new Sample(SeriesKey.of(workload, "throughput"), now, requestsPerSecond));
            }
            if (requests > 0) {
                samples.add(new Sample(SeriesKey.of(workload, "error_rate"), now, errors / requests));
            }
            if (latencyCount > 0) {
                samples.add(new Sample(SeriesKey.of(workload, "latency_mean"), now, latencySum / latencyCount));
            }
            if (hasCpuRates) {
                samples.add(new Sample(SeriesKey.of(workload, "cpu"), now, cores));
            }
            if (!Double.isNaN(memory)) {
                samples.add(new Sample(SeriesKey.of(workload, "memory"), now, memory));
            }
            return samples;
        }
    }
}
