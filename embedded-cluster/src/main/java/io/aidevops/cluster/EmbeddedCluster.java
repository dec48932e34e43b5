package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An embedded Kubernetes cluster that behaves like one: fabric8's mock API server in CRUD mode on
 * {@code 127.0.0.1}, plus a {@link ClusterSimulator} that rolls out Deployments, runs pods through their lifecycle
 * and serves their metrics.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults())) {
 *     cluster.client().apps().deployments().inNamespace("default").resource(deployment).create();
 *     cluster.awaitRollout("default", "shop", Duration.ofSeconds(30));
 *     cluster.writeKubeconfig(Path.of("kubeconfig"));   // kubectl --kubeconfig kubeconfig get pods
 * }
 * }</pre>
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCluster.class);
    /** How often the API server forgets the requests it recorded for test assertions. */
    private static final Duration JOURNAL_TRIM_INTERVAL = Duration.ofSeconds(30);

    private final EmbeddedClusterOptions options;
    private final ApiServer apiServer;
    private final KubernetesClient client;
    private final MetricsServer metrics;
    private final ClusterSimulator simulator;
    private final ScheduledExecutorService background;
    private boolean closed;

    private EmbeddedCluster(EmbeddedClusterOptions options, ApiServer apiServer, KubernetesClient client,
            MetricsServer metrics, ClusterSimulator simulator, ScheduledExecutorService background) {
        this.options = options;
        this.apiServer = apiServer;
        this.client = client;
        this.metrics = metrics;
        this.simulator = simulator;
        this.background = background;
    }

    /**
     * Starts a cluster: API server, namespaces {@code default}, {@code kube-system}, {@code kube-public} and
     * {@code kube-node-lease}, one node, the pod metrics server, and (if the options ask for it) the background
     * reconcile loop.
     *
     * @param options how to run
     * @return the running cluster; close it to stop everything
     */
    public static EmbeddedCluster start(EmbeddedClusterOptions options) {
        Objects.requireNonNull(options, "options");
        ApiServer apiServer = ApiServer.start(options.port(), options.clock());
        KubernetesClient client = null;
        MetricsServer metrics = null;
        ScheduledExecutorService background = null;
        try {
            client = newClient(apiServer.url());
            ClusterBootstrap.run(client, options.clock().instant());
            metrics = MetricsServer.start();
            ClusterSimulator simulator = new ClusterSimulator(client, options, metrics);
            background = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "aidevops-embedded-cluster");
                thread.setDaemon(true);
                return thread;
            });
            background.scheduleWithFixedDelay(apiServer::discardRecordedRequests, JOURNAL_TRIM_INTERVAL.toSeconds(),
                    JOURNAL_TRIM_INTERVAL.toSeconds(), TimeUnit.SECONDS);
            if (options.background()) {
                new ReconcileLoop(simulator).start(background, options.reconcileInterval());
            }
            LOG.info("Embedded Kubernetes cluster listening on {}", apiServer.url());
            return new EmbeddedCluster(options, apiServer, client, metrics, simulator, background);
        } catch (RuntimeException e) {
            stop(background, metrics, client, apiServer);
            throw e;
        }
    }

    /** Starts a cluster with {@link EmbeddedClusterOptions#defaults()}. */
    public static EmbeddedCluster start() {
        return start(EmbeddedClusterOptions.defaults());
    }

    /** A client of the cluster, namespace {@code default}. Closed with the cluster. */
    public KubernetesClient client() {
        return client;
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:41234}. */
    public String apiServerUrl() {
        return apiServer.url();
    }

    /**
     * Writes a kubeconfig for this cluster (cluster and context {@code aidevops-embedded}, a dummy token user,
     * namespace {@code default}) that kubectl and fabric8's {@code Config.fromKubeconfig} accept.
     *
     * @param file where to write it; parent directories are created
     * @return {@code file}
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public Path writeKubeconfig(Path file) {
        return new Kubeconfig(apiServerUrl()).writeTo(file);
    }

    /**
     * Tells a kubeconfig written by {@link #writeKubeconfig(Path)} from any other: read as plain data, never
     * resolving credentials.
     *
     * @param kubeconfigYaml the file's content
     * @return the API server URL it points at, when it is such a kubeconfig; empty for anybody else's file
     */
    public static java.util.Optional<java.net.URI> serverOfOwnKubeconfig(String kubeconfigYaml) {
        return Kubeconfig.serverOf(kubeconfigYaml);
    }

    /** The simulator, to step it, inject faults or change workload behaviour. */
    public ClusterSimulator simulator() {
        return simulator;
    }

    /** The options the cluster was started with. */
    public EmbeddedClusterOptions options() {
        return options;
    }

    /**
     * Waits until a Deployment is rolled out: its status reflects its latest generation and all desired replicas are
     * updated and available (what {@code kubectl rollout status} waits for).
     *
     * <p>With the background loop the wait is in real time. Without it, this call drives the simulator: on a
     * {@link SimulatedClock} it advances simulated time in steps of the reconcile interval until {@code timeout} of
     * simulated time has passed, so tests stay fast; on any other clock it reconciles every interval until
     * {@code timeout} has passed in real time.
     *
     * @return whether the rollout completed within the timeout
     */
    public boolean awaitRollout(String namespace, String deployment, Duration timeout) {
        if (options.background()) {
            return awaitInBackground(namespace, deployment, timeout);
        }
        if (options.clock() instanceof SimulatedClock) {
            Instant deadline = options.clock().instant().plus(timeout);
            while (!isRolledOut(namespace, deployment)) {
                if (!options.clock().instant().isBefore(deadline)) {
                    return false;
                }
                simulator.advance(options.reconcileInterval());
            }
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            simulator.reconcile();
            if (isRolledOut(namespace, deployment)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(options.reconcileInterval().toNanos());
        }
    }

    private boolean awaitInBackground(String namespace, String deployment, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = simulator.completedPasses();
        try {
            while (!isRolledOut(namespace, deployment)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                seen = simulator.awaitPassAfter(seen, Duration.ofNanos(remaining));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean isRolledOut(String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null || deployment.getStatus() == null) {
            return false;
        }
        DeploymentStatus status = deployment.getStatus();
        int desired = RolloutBudget.desiredReplicas(deployment);
        return status.getObservedGeneration() != null
                && status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
                && Objects.equals(status.getUpdatedReplicas(), desired)
                && Objects.equals(status.getReplicas(), desired)
                && Objects.equals(status.getAvailableReplicas(), desired);
    }

    /** Stops the background loop, the metrics server, the client and the API server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(background, metrics, client, apiServer);
        LOG.info("Embedded Kubernetes cluster at {} stopped", apiServer.url());
    }

    private static void stop(ScheduledExecutorService background, MetricsServer metrics, KubernetesClient client,
            ApiServer apiServer) {
        if (background != null) {
            background.shutdownNow();
            try {
                if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The embedded cluster's background thread did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (metrics != null) {
            metrics.close();
        }
        if (client != null) {
            client.close();
        }
        apiServer.close();
    }

    private static KubernetesClient newClient(String url) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withNamespace("default")
                .withOauthToken(Kubeconfig.TOKEN)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
