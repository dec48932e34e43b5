package io.aidevops.controller.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.Thresholds;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.deploy.kube.Sleeper;
import io.aidevops.deploy.metrics.PodScrapeMetricProvider;
import io.aidevops.deploy.rollout.AnalysisMetric;
import io.aidevops.deploy.rollout.CanarySpec;
import io.aidevops.deploy.rollout.EvidenceReport;
import io.aidevops.deploy.rollout.LookRecord;
import io.aidevops.deploy.rollout.RolloutEngine;
import io.aidevops.deploy.rollout.RolloutState;
import io.aidevops.monitor.alert.Alert;
import io.aidevops.monitor.alert.AlertKind;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The main job of {@code aidevops demo}: deploys a sample application into a running embedded cluster, shows it
 * becoming ready, reads its pods' metrics and rolls out a new version. Each later capability (canary analysis,
 * monitoring, incidents) adds its act here.
 */
public final class Demo {
    /** The sample application's namespace. */
    public static final String NAMESPACE = "demo";
    /** The sample application's name. */
    public static final String APP = "shop-frontend";
    static final String IMAGE = "registry.local/shop-frontend";
    static final String FIRST_TAG = "1.4.0";
    static final String SECOND_TAG = "1.5.0";
    static final String BAD_TAG = "1.6.0-bad";
    static final String LEAK_TAG = "1.5.1-leak";
    /** How much faster than real time the demo's simulated world runs. */
    public static final double SPEED = 10;
    // Simulated time: 40 s looks give every canary pod 16 scrapes per look, enough for the judge's minimum of 10.
    static final String PLAN = "{\"steps\": [{\"setWeight\": 25}, {\"analysis\": {\"interval\": \"40s\", "
            + "\"looks\": 3}}, {\"setWeight\": 50}, {\"analysis\": {\"interval\": \"40s\", \"looks\": 2}}]}";
    // Real time between two reconciles and scrapes: 2.5 s of simulated time.
    static final Duration TICK = Duration.ofMillis(250);
    static final int REPLICAS = 3;
    // Long enough for every pod to have served a few hundred requests, short enough not to bore.
    static final Duration TRAFFIC = Duration.ofSeconds(3);
    /** The label the suite puts on everything it deploys, so the monitor knows what to watch. */
    public static final Map<String, String> MANAGED_BY = Map.of("app.kubernetes.io/managed-by", "aidevops");

    private final EmbeddedCluster cluster;
    private final PrintWriter out;
    private final Duration timeout;
    private final Path reports;
    private final Path monitorFolder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param cluster a started embedded cluster with its background loop running
     * @param out     where the narrative goes
     * @param timeout how long each rollout may take before the demo gives up
     * @param reports the folder the canaries' evidence reports are written to
     * @param monitorFolder the folder the monitor's alert journal is written to
     */
    public Demo(EmbeddedCluster cluster, PrintWriter out, Duration timeout, Path reports, Path monitorFolder) {
        this.cluster = cluster;
        this.out = out;
        this.timeout = timeout;
        this.reports = reports;
        this.monitorFolder = monitorFolder;
    }

    /**
     * Runs the demo.
     *
     * @param kubeconfig where the cluster's kubeconfig was written (shown to the user)
     * @return what happened
     * @throws DemoException when the cluster does not do what it should in time
     */
    public DemoReport run(String kubeconfig) throws InterruptedException, IOException {
        var client = cluster.client();
        step(2, "Deploying " + APP + " (" + IMAGE + ":" + FIRST_TAG + ", " + REPLICAS + " replicas, RollingUpdate "
                + "maxSurge 1 / maxUnavailable 0) into namespace " + NAMESPACE);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels(MANAGED_BY).endMetadata().build()).create();
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder().withNewMetadata().withName(APP)
                .addToLabels(MANAGED_BY).endMetadata().withNewSpec().addToSelector("app", APP).addNewPort()
                .withName("http").withPort(80).withTargetPort(new IntOrString(8080)).endPort().endSpec().build())
                .create();
        client.apps().deployments().inNamespace(NAMESPACE).resource(deployment(FIRST_TAG)).create();
        var firstReady = awaitAvailable(client, FIRST_TAG);
        out.printf("    %s is ready: %d/%d pods available after %.1f s%n", APP, REPLICAS, REPLICAS,
                firstReady / 1000.0);
        try (var monitor = new DemoMonitor(client, cluster.simulator().clock(), monitorFolder, NAMESPACE)) {
            monitor.start();
            out.println("    the monitor watches everything labelled app.kubernetes.io/managed-by=aidevops in " + NAMESPACE
                    + ": a pass every 2 simulated seconds (scoring each series with detector "
                    + io.aidevops.ai.anomaly.Detectors.DEFAULT + ")");
            return acts(client, firstReady, kubeconfig, monitor);
        }
    }

    private DemoReport acts(KubernetesClient client, long firstReady, String kubeconfig, DemoMonitor monitor)
            throws InterruptedException, IOException {

        step(3, "Letting traffic flow for " + TRAFFIC.toSeconds() + " s, then reading each pod's own metrics "
                + "endpoint (Prometheus text format, served on loopback)");
        Thread.sleep(TRAFFIC.toMillis());
        var pods = scrape(client);
        out.printf("    %-32s %-36s %9s %7s %8s %9s %8s%n", "POD", "IMAGE", "REQUESTS", "ERRORS", "ERR RATE",
                "MEAN LAT", "MEMORY");
        for (var p : pods) {
            out.printf("    %-32s %-36s %9.0f %7.0f %7.2f%% %6.1f ms %4.0f MiB%n", p.pod(), p.image(), p.requests(),
                    p.errors(), 100 * p.errorRatio(), p.meanLatencyMs(), p.memoryBytes() / (1 << 20));
        }

        step(4, "Canary of " + IMAGE + ":" + SECOND_TAG + " (a good release): 25 % of the pods, 3 analysis looks, "
                + "50 %, 2 more looks, each judged against the stable pods (times in simulated seconds)");
        RolloutState good = canary(SECOND_TAG);
        step(5, "Canary of " + IMAGE + ":" + BAD_TAG + " (a bad release: more errors, slower)");
        RolloutState bad = canary(BAD_TAG);
        var replicaSets = client.apps().replicaSets().inNamespace(NAMESPACE).withLabel("app", APP).list().getItems()
                .stream().sorted(Comparator.comparing(Demo::revision).reversed())
                .map(rs -> rs.getMetadata().getName() + " (revision " + revision(rs) + ", "
                        + Objects.requireNonNullElse(rs.getSpec().getReplicas(), 0) + " replicas, image "
                        + rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage() + ")")
                .toList();
        List<AlertJournal.Entry> alerts = leak(client, monitor);
        var stable = client.apps().deployments().inNamespace(NAMESPACE).withName(APP).get();
        String finalImage = stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        return new DemoReport(cluster.apiServerUrl(), kubeconfig, NAMESPACE, APP, firstReady, pods,
                List.of(CanaryOutcome.of(good, reports), CanaryOutcome.of(bad, reports)), replicaSets, finalImage,
                alerts, monitor.journal().file().toString());
    }

    /**
     * Act 6: a leaking hotfix goes out without a canary. The monitor forecasts the memory limit before it is reached,
     * sees the OOM kills from the API, and the alerts resolve once the release is rolled back.
     */
    private List<AlertJournal.Entry> leak(KubernetesClient client, DemoMonitor monitor) throws InterruptedException {
        step(6, "A hotfix " + IMAGE + ":" + LEAK_TAG + " goes straight to production, without a canary. It leaks "
                + "memory (2 MiB per simulated second, limit 256 MiB); the monitor has watched " + APP
                + " since step 2");
        Clock clock = cluster.simulator().clock();
        Instant started = clock.instant();
        monitor.onChange(line -> {
            Alert alert = line.alert();
            out.printf("    [%4.0fs] %-8s %-8s %-20s %s%n", Duration.between(started, line.at()).toMillis() / 1000.0,
                    line.change(), alert.severity(), alert.kind().code(), alert.title());
            out.flush();
        });
        setImage(client, LEAK_TAG);
        boolean oom = monitor.awaitRaised(line -> line.alert().kind() == AlertKind.OOM_KILLED, timeout);
        if (!oom) {
            throw new DemoException("the monitor raised no OOMKilled alert within " + timeout.toSeconds() + " s");
        }
        out.println("    rolling " + APP + " back to " + SECOND_TAG + " (in a later release, the incident's runbook "
                + "does this)");
        setImage(client, SECOND_TAG);
        awaitAvailable(client, SECOND_TAG);
        // The OOM alert resolves once its pods are gone and the settle time has passed without another kill.
        monitor.awaitRaised(line -> line.change() == AlertJournal.Change.RESOLVED
                && line.alert().kind() == AlertKind.OOM_KILLED, Duration.ofSeconds(20));
        var entries = monitor.journal().all();
        monitor.lines().stream().filter(line -> line.change() == AlertJournal.Change.RAISED
                && line.alert().kind() == AlertKind.LIMIT_FORECAST).findFirst().ifPresent(line -> {
                    out.println("    the predictive alert, as raised:");
                    out.println("      " + line.alert().summary());
                    out.println("      raised " + Duration.between(line.at(), firstOom(entries)).toSeconds()
                            + " simulated seconds before the first OOM kill");
                });
        monitor.lines().stream().filter(line -> line.change() == AlertJournal.Change.RAISED
                && line.alert().kind() == AlertKind.METRIC_ANOMALY).findFirst().ifPresent(line -> {
                    out.println("    the first anomaly's evidence: " + line.alert().evidence().series() + ", "
                            + line.alert().evidence().explanation());
                });
        out.println("    " + entries.size() + " alerts in " + monitor.journal().file() + "; see them with "
                + "./aidevops alerts --demo --all");
        return entries;
    }

    private static Instant firstOom(List<AlertJournal.Entry> entries) {
        return entries.stream().filter(e -> e.alert().kind() == AlertKind.OOM_KILLED).map(AlertJournal.Entry::raisedAt)
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    private void setImage(KubernetesClient client, String tag) {
        client.apps().deployments().inNamespace(NAMESPACE).withName(APP).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(IMAGE + ":" + tag);
            return d;
        });
    }

    /** Runs one canary of {@code tag} to its end, narrating, and prints its last look's evidence. */
    private RolloutState canary(String tag) throws InterruptedException {
        var client = cluster.client();
        Clock clock = cluster.simulator().clock();
        Instant started = clock.instant();
        var engine = new RolloutEngine(client, new PodScrapeMetricProvider(client), CanaryAnalysis.defaults(), clock,
                state -> {
                    out.printf("    [%4.0fs] %-12s %s%n", Duration.between(started, state.updatedAt()).toMillis()
                            / 1000.0, state.phase(), state.message());
                    out.flush();
                });
        var spec = new CanarySpec(NAMESPACE, APP, null, IMAGE + ":" + tag, APP, PLAN, AnalysisMetric.defaults(),
                Thresholds.DEFAULT, timeout.multipliedBy((long) SPEED), Map.of());
        engine.start(spec);
        RolloutState end = engine.run(NAMESPACE, APP, TICK, Sleeper.THREAD);
        out.println();
        out.println("    " + end.phase() + ": " + end.outcome());
        if (!end.looks().isEmpty()) {
            LookRecord last = end.looks().get(end.looks().size() - 1);
            out.printf("    evidence of look %d of %d: %s, score %.0f%n", last.look(), last.of(), last.verdict(),
                    last.score());
            out.printf("      %-13s %-7s %17s %17s  %s%n", "METRIC", "RESULT", "STABLE (n, mean)",
                    "CANARY (n, mean)", "WHY");
            for (LookRecord.MetricLine metric : last.metrics()) {
                out.printf("      %-13s %-7s %5d %11s %5d %11s  %s%n", metric.name(), metric.classification(),
                        metric.baselineCount(), MetricFormat.of(metric.name(), metric.baselineMean()),
                        metric.canaryCount(), MetricFormat.of(metric.name(), metric.canaryMean()),
                        shorten(metric.reason()));
            }
        }
        Path report = reports.resolve("canary-" + tag + ".html");
        try {
            Files.createDirectories(reports);
            Files.writeString(report, EvidenceReport.html(end));
        } catch (IOException e) {
            throw new DemoException("cannot write the evidence report " + report + ": " + e.getMessage());
        }
        out.println("    full evidence: " + report);
        return end;
    }

    private static String shorten(String reason) {
        return reason.length() <= 110 ? reason : reason.substring(0, 107) + "...";
    }

    static Deployment deployment(String tag) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(APP).addToLabels("app", APP).addToLabels(MANAGED_BY).endMetadata()
                .withNewSpec().withReplicas(REPLICAS)
                .withNewSelector().addToMatchLabels("app", APP).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", APP).addToLabels("track", "stable")
                .addToLabels(MANAGED_BY).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(IMAGE + ":" + tag)
                .addNewPort().withContainerPort(8080).endPort()
                .withNewResources().addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("256Mi"))
                .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m")).endResources()
                .endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    /** Waits until every replica runs {@code tag} and is available, printing each change of the status. */
    private long awaitAvailable(KubernetesClient client, String tag) throws InterruptedException {
        var start = System.nanoTime();
        var deadline = start + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var deployment = client.apps().deployments().inNamespace(NAMESPACE).withName(APP).get();
            var status = deployment == null ? null : deployment.getStatus();
            var line = describe(status);
            if (!line.equals(last)) {
                out.printf("    [%4.1fs] %s%n", (System.nanoTime() - start) / 1e9, line);
                out.flush();
                last = line;
            }
            if (done(deployment, status, tag)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new DemoException(APP + " did not become available with " + tag + " within " + timeout.toSeconds()
                + " s; last status: " + last);
    }

    private static boolean done(Deployment deployment, DeploymentStatus status, String tag) {
        if (deployment == null || status == null) {
            return false;
        }
        var image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        return image.endsWith(":" + tag)
                && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())
                && count(status.getUpdatedReplicas()) == REPLICAS
                && count(status.getAvailableReplicas()) == REPLICAS
                && count(status.getReplicas()) == REPLICAS;
    }

    private static String describe(DeploymentStatus s) {
        if (s == null) {
            return "waiting for the Deployment controller";
        }
        return String.format("%d pods, %d updated, %d ready, %d available", count(s.getReplicas()),
                count(s.getUpdatedReplicas()), count(s.getReadyReplicas()), count(s.getAvailableReplicas()));
    }

    private List<PodMetrics> scrape(KubernetesClient client) throws InterruptedException {
        var pods = client.pods().inNamespace(NAMESPACE).withLabel("app", APP).list().getItems().stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
        var result = new ArrayList<PodMetrics>();
        for (Pod pod : pods) {
            var url = pod.getMetadata().getAnnotations().get("aidevops.io/metrics-url");
            if (url == null) {
                throw new DemoException("pod " + pod.getMetadata().getName() + " has no aidevops.io/metrics-url");
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new DemoException("GET " + url + " answered HTTP " + response.statusCode());
                }
                result.add(PodMetrics.from(pod.getMetadata().getName(),
                        pod.getSpec().getContainers().get(0).getImage(), MetricSample.parse(response.body())));
            } catch (IOException e) {
                throw new DemoException("cannot read metrics of pod " + pod.getMetadata().getName() + " at " + url
                        + ": " + e.getMessage());
            }
        }
        return result;
    }

    private void step(int number, String text) {
        out.println();
        out.println(number + "/6 " + text);
        out.flush();
    }

    private static long revision(ReplicaSet rs) {
        var annotations = rs.getMetadata().getAnnotations();
        var value = annotations == null ? null : annotations.get("deployment.kubernetes.io/revision");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    /** Prints step 1, which the command runs before the cluster exists. */
    public static void announceCluster(PrintWriter out, String apiServer, Path kubeconfig) {
        out.println("1/6 Starting an embedded Kubernetes API server with a simulated Deployment controller, kubelet "
                + "and pod metrics");
        out.println("    API server " + apiServer + ", kubeconfig " + kubeconfig);
        out.flush();
    }
}
