package io.aidevops.deploy.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Run;
import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.deploy.metrics.MetricProvider;
import io.aidevops.deploy.metrics.PodScrapeMetricProvider;
import io.aidevops.deploy.metrics.PrometheusConfig;
import io.aidevops.deploy.metrics.PrometheusMetricProvider;
import io.aidevops.deploy.rollout.RolloutEngine;
import io.aidevops.deploy.rollout.RolloutListener;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Context lookups: the cluster client and metric source of one step, from the build's credentials. Holds them open
 * for one background run of the engine; nothing here is persisted (after a restart it is built again from the
 * step's parameters).
 */
final class RolloutConnection implements AutoCloseable {

    private final KubernetesClient client;
    private final MetricProvider metrics;
    private final Path tokenFile;

    private RolloutConnection(KubernetesClient client, MetricProvider metrics, Path tokenFile) {
        this.client = client;
        this.metrics = metrics;
        this.tokenFile = tokenFile;
    }

    /**
     * Connects as the step says: the kubeconfig of a Secret file credential, or else fabric8's default
     * configuration of the controller (in-cluster service account, {@code KUBECONFIG}, {@code ~/.kube/config});
     * Prometheus with the bearer token of a Secret text credential, or else each pod's metrics endpoint.
     */
    static RolloutConnection open(AiCanaryDeployStep step, Run<?, ?> run) throws IOException {
        KubernetesClient client = client(step, run);
        Path tokenFile = null;
        try {
            MetricProvider metrics;
            if (step.getPrometheusUrl() == null) {
                metrics = new PodScrapeMetricProvider(client);
            } else {
                PrometheusConfig config = PrometheusConfig.of(step.getPrometheusUrl());
                if (step.getPrometheusCredentialsId() != null) {
                    StringCredentials token = CredentialsProvider.findCredentialById(
                            step.getPrometheusCredentialsId(), StringCredentials.class, run);
                    if (token == null) {
                        throw missing("prometheusCredentialsId", step.getPrometheusCredentialsId(), "Secret text");
                    }
                    tokenFile = tokenFile(token.getSecret().getPlainText());
                    config = config.withBearerTokenFile(tokenFile);
                }
                metrics = new PrometheusMetricProvider(config);
            }
            return new RolloutConnection(client, metrics, tokenFile);
        } catch (IOException | RuntimeException e) {
            client.close();
            deleteQuietly(tokenFile);
            throw e;
        }
    }

    /** The engine over this connection, with the suite's default analysis. */
    RolloutEngine engine(RolloutListener listener) {
        return new RolloutEngine(client, metrics, CanaryAnalysis.defaults(), Clock.systemUTC(), listener);
    }

    @Override
    public void close() {
        client.close();
        deleteQuietly(tokenFile);
    }

    private static KubernetesClient client(AiCanaryDeployStep step, Run<?, ?> run) throws IOException {
        String id = step.getKubeconfigCredentialsId();
        if (id == null) {
            return new KubernetesClientBuilder().build();
        }
        FileCredentials kubeconfig = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (kubeconfig == null) {
            throw missing("kubeconfigCredentialsId", id, "Secret file");
        }
        String text;
        try (InputStream in = kubeconfig.getContent()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(text)).build();
    }

    /** The core's Prometheus provider reads tokens from a file (they rotate): one readable by this process only. */
    private static Path tokenFile(String token) throws IOException {
        Path file;
        try {
            file = Files.createTempFile("aidevops-prometheus", ".token",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile("aidevops-prometheus", ".token");
        }
        Files.writeString(file, token, StandardCharsets.UTF_8);
        return file;
    }

    private static AbortException missing(String parameter, String id, String kind) {
        return new AbortException(parameter + " '" + id + "': no " + kind + " credential with this id is available "
                + "to this build");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
