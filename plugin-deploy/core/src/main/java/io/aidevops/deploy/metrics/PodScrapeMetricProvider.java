package io.aidevops.deploy.metrics;

import io.aidevops.ai.metrics.PrometheusText;
import io.aidevops.ai.canary.MetricSamples;
import io.aidevops.deploy.traffic.RolloutTarget;
import io.aidevops.deploy.traffic.Track;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Metrics without Prometheus: scrapes the pods of both tracks itself, at each engine tick, from the URL in their
 * annotation {@value #METRICS_URL_ANNOTATION} (the embedded cluster's pods carry it; any pod exposing Prometheus
 * text metrics can).
 *
 * <p>{@link #observe} lists the target's pods (label {@code app=<app>}, {@code track=stable|canary}), scrapes the
 * running ones in parallel with a short timeout and keeps a bounded history per pod. {@link #fetch} turns each
 * pod's consecutive scrapes inside the window into one value per interval, so the judge gets one point per pod and
 * tick: {@code error_rate} (Δ5xx / Δrequests, weighted by Δrequests), {@code latency_mean} (Δsum / Δcount),
 * {@code latency_p99} (bucket deltas, interpolated like {@code histogram_quantile}), {@code throughput}
 * (Δrequests / Δt), {@code cpu} (Δcpu seconds / Δt) and {@code memory} (the gauge at each scrape). Counter resets
 * are handled like PromQL's {@code rate}. The window's step is not used: the intervals are the ticks.
 *
 * <p>A query's PromQL template is ignored: only the built-in metric names can be computed from scrapes; other
 * names get {@link MetricFetch.NoData} saying so.
 */
public final class PodScrapeMetricProvider implements MetricProvider {

    /** The pod annotation holding the full URL of the pod's metrics. */
    public static final String METRICS_URL_ANNOTATION = "aidevops.io/metrics-url";

    private final KubernetesClient client;
    private final HttpClient http;
    private final Options options;
    private final Map<String, PodHistory> histories = new LinkedHashMap<>();
    private final Map<String, String> lastProblem = new HashMap<>();

    /**
     * Limits of scraping.
     *
     * @param scrapeTimeout how long one scrape may take
     * @param historyLimit scrapes kept per pod
     * @param retention how long scrapes are kept at most, also for pods that are gone
     */
    public record Options(Duration scrapeTimeout, int historyLimit, Duration retention) {

        /** 2 s per scrape, 720 scrapes (an hour at one every 5 s), kept for at most 2 h. */
        public static final Options DEFAULT = new Options(Duration.ofSeconds(2), 720, Duration.ofHours(2));

        /** @throws IllegalArgumentException if a limit is not positive */
        public Options {
            Objects.requireNonNull(scrapeTimeout, "scrapeTimeout");
            Objects.requireNonNull(retention, "retention");
            if (scrapeTimeout.isZero() || scrapeTimeout.isNegative() || retention.isZero() || retention.isNegative()
                    || historyLimit < 2) {
                throw new IllegalArgumentException("scrape timeout and retention must be positive and at least two "
                        + "scrapes kept, but are " + scrapeTimeout + ", " + retention + ", " + historyLimit);
            }
        }
    }

    /** Scraping with {@link Options#DEFAULT}. */
    public PodScrapeMetricProvider(KubernetesClient client) {
        this(client, HttpClient.newBuilder().connectTimeout(Options.DEFAULT.scrapeTimeout()).build(),
                Options.DEFAULT);
    }

    /**
     * @param client lists the pods
     * @param http scrapes them
     * @param options limits
     */
    public PodScrapeMetricProvider(KubernetesClient client, HttpClient http, Options options) {
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "pod-scrape";
    }

    /** Scrapes every running pod of both tracks once; failures are remembered for the next NoData reason. */
    @Override
    public void observe(RolloutTarget target, Instant now) {
        List<Pod> pods;
        try {
            pods = client.pods().inNamespace(target.namespace()).withLabel(RolloutTarget.APP_LABEL, target.app())
                    .list().getItems();
        } catch (KubernetesClientException e) {
            problem(target, "cannot list the pods of app " + target.app() + " in " + target.namespace() + ": "
                    + e.getMessage());
            return;
        }
        Map<Pod, CompletableFuture<HttpResponse<String>>> scrapes = new LinkedHashMap<>();
        for (Pod pod : pods) {
            Track track = track(pod);
            String url = annotation(pod);
            if (track == null || url == null || !isRunning(pod)) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                problem(target, "pod " + pod.getMetadata().getName() + " has an invalid " + METRICS_URL_ANNOTATION
                        + " '" + url + "'");
                continue;
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                problem(target, "pod " + pod.getMetadata().getName() + " announces metrics at '" + url
                        + "'; only http and https URLs are scraped");
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(options.scrapeTimeout())
                    .header("Accept", "text/plain;version=0.0.4").GET().build();
            scrapes.put(pod, http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        synchronized (this) {
            scrapes.forEach((pod, future) -> record(target, pod, future, now));
            forgetOld(now);
        }
    }

    @Override
    public synchronized MetricFetch fetch(RolloutTarget target, MetricQuery query, AnalysisWindow window) {
        if (!MetricQuery.BUILT_IN.contains(query.name())) {
            return new MetricFetch.NoData("pod scraping computes only " + String.join(", ", MetricQuery.BUILT_IN)
                    + "; metric '" + query.name() + "' needs a Prometheus query");
        }
        Map<Track, Side> sides = new EnumMap<>(Track.class);
        for (Track track : Track.values()) {
            sides.put(track, new Side());
        }
        for (PodHistory history : histories.values()) {
            if (history.namespace.equals(target.namespace()) && history.app.equals(target.app())) {
                collect(query.name(), history, window, sides.get(history.track));
            }
        }
        for (Track track : Track.values()) {
            Side side = sides.get(track);
            if (side.values.isEmpty()) {
                return new MetricFetch.NoData("no " + track.labelValue() + " data for " + query.name() + " of app "
                        + target.app() + " in " + target.namespace() + " between " + window.start() + " and "
                        + window.end() + ": " + side.pods + " pod(s) with " + side.scrapes
                        + " scrape(s) in the window (a value needs two scrapes of one pod with traffic between them)"
                        + lastProblemOf(target));
            }
        }
        Side stable = sides.get(Track.STABLE);
        Side canary = sides.get(Track.CANARY);
        boolean weighted = query.name().equals("error_rate");
        MetricSamples samples = new MetricSamples(stable.values(), canary.values(),
                weighted ? stable.weights() : null, weighted ? canary.weights() : null);
        return new MetricFetch.Samples(samples, "pod scrapes of app " + target.app() + " in " + target.namespace()
                + ": " + stable.pods + " stable pod(s), " + stable.values.size() + " values; " + canary.pods
                + " canary pod(s), " + canary.values.size() + " values");
    }

    private void collect(String metric, PodHistory history, AnalysisWindow window, Side side) {
        List<PodReading> readings = new ArrayList<>();
        for (PodReading reading : history.readings) {
            if (window.contains(reading.at())) {
                readings.add(reading);
            }
        }
        if (readings.isEmpty()) {
            return;
        }
        side.pods++;
        side.scrapes += readings.size();
        if (metric.equals("memory")) {
            readings.stream().mapToDouble(PodReading::memoryBytes).filter(Double::isFinite)
                    .forEach(value -> side.add(value, Double.NaN));
            return;
        }
        for (int i = 1; i < readings.size(); i++) {
            PodReading previous = readings.get(i - 1);
            PodReading current = readings.get(i);
            OptionalDouble value = switch (metric) {
                case "error_rate" -> PodIntervals.errorRate(previous, current);
                case "latency_mean" -> PodIntervals.latencyMean(previous, current);
                case "latency_p99" -> PodIntervals.latencyQuantile(0.99, previous, current);
                case "throughput" -> PodIntervals.throughput(previous, current);
                default -> PodIntervals.cpu(previous, current);
            };
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                side.add(value.getAsDouble(), PodIntervals.requests(previous, current));
            }
        }
    }

    private void record(RolloutTarget target, Pod pod, CompletableFuture<HttpResponse<String>> future, Instant now) {
        String name = pod.getMetadata().getName();
        try {
            HttpResponse<String> response = future.join();
            if (response.statusCode() != 200) {
                problem(target, "scraping pod " + name + " answered HTTP " + response.statusCode());
                return;
            }
            PodReading reading = PodReading.of(now, PrometheusText.parse(response.body()));
            String key = key(pod);
            PodHistory history = histories.computeIfAbsent(key,
                    k -> new PodHistory(target.namespace(), target.app(), track(pod)));
            if (!history.readings.isEmpty() && !now.isAfter(history.readings.peekLast().at())) {
                return; // a second observe at the same instant adds nothing and would make a zero-length interval
            }
            history.readings.addLast(reading);
            while (history.readings.size() > options.historyLimit()) {
                history.readings.removeFirst();
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problem(target, "scraping pod " + name + " failed: " + cause);
        } catch (IllegalArgumentException e) {
            problem(target, "pod " + name + " served metrics that are not Prometheus text: " + e.getMessage());
        }
    }

    private void forgetOld(Instant now) {
        Instant horizon = now.minus(options.retention());
        histories.values().forEach(history -> {
            while (!history.readings.isEmpty() && history.readings.peekFirst().at().isBefore(horizon)) {
                history.readings.removeFirst();
            }
        });
        histories.values().removeIf(history -> history.readings.isEmpty());
    }

    private synchronized void problem(RolloutTarget target, String message) {
        lastProblem.put(target.namespace() + "/" + target.app(), message);
    }

    private String lastProblemOf(RolloutTarget target) {
        String problem = lastProblem.get(target.namespace() + "/" + target.app());
        return problem == null ? "" : "; last scrape problem: " + problem;
    }

    private static String key(Pod pod) {
        String uid = pod.getMetadata().getUid();
        return uid != null ? uid : pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static Track track(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String value = labels == null ? null : labels.get(Track.LABEL);
        for (Track track : Track.values()) {
            if (track.labelValue().equals(value)) {
                return track;
            }
        }
        return null;
    }

    private static String annotation(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(METRICS_URL_ANNOTATION);
    }

    private static boolean isRunning(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    /** The scrapes of one pod. */
    private static final class PodHistory {
        final String namespace;
        final String app;
        final Track track;
        final Deque<PodReading> readings = new ArrayDeque<>();

        PodHistory(String namespace, String app, Track track) {
            this.namespace = namespace;
            this.app = app;
            this.track = track;
        }
    }

    /** Values gathered for one track. */
    private static final class Side {
        final List<Double> values = new ArrayList<>();
        final List<Double> weights = new ArrayList<>();
        int pods;
        int scrapes;

        void add(double value, double weight) {
            values.add(value);
            weights.add(weight);
        }

        double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] weights() {
            return weights.stream().mapToDouble(w -> Double.isFinite(w) && w >= 0 ? w : 0).toArray();
        }
    }
}
