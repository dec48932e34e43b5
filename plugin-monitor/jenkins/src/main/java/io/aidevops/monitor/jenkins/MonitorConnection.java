package io.aidevops.monitor.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.aidevops.monitor.MonitorSettings;
import io.aidevops.monitor.metric.MetricSource;
import io.aidevops.monitor.metric.PodScrapeSource;
import io.aidevops.monitor.metric.PrometheusSettings;
import io.aidevops.monitor.metric.PrometheusSource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Context lookups: the cluster client and the metric sources of the configured monitor, from Jenkins' credentials
 * (looked up as SYSTEM in the root context, since the monitor belongs to no job). Nothing here is persisted: after a
 * restart it is built again from the configuration.
 */
final class MonitorConnection implements AutoCloseable {

    /**
     * Everything a connection is made of, with the credentials' contents as digests: equal plans mean the running
     * monitor can stay; a changed setting, credential id or credential content means a new monitor.
     *
     * @param settings what to watch and how to score
     * @param prometheusUrl the Prometheus HTTP API, or null for pod scraping
     * @param prometheusCredentialsId the token's credential id, or null
     * @param prometheusTokenDigest SHA-256 of the token, or null
     * @param kubeconfigCredentialsId the kubeconfig's credential id, or null for the client's default configuration
     * @param kubeconfigDigest SHA-256 of the kubeconfig, or null
     */
    record Key(MonitorSettings settings, String prometheusUrl, String prometheusCredentialsId,
            String prometheusTokenDigest, String kubeconfigCredentialsId, String kubeconfigDigest) {
    }

    /** A connection about to be made: the key, and the secrets it needs (kept in memory only). */
    static final class Plan {
        private final Key key;
        private final String prometheusToken;
        private final String kubeconfig;

        private Plan(Key key, String prometheusToken, String kubeconfig) {
            this.key = key;
            this.prometheusToken = prometheusToken;
            this.kubeconfig = kubeconfig;
        }

        Key key() {
            return key;
        }

        /** Connects: the client and the sources of this plan. */
        MonitorConnection open() {
            KubernetesClient client = kubeconfig == null ? new KubernetesClientBuilder().build()
                    : new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
            try {
                return new MonitorConnection(client, sources());
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }

        /** Prometheus when a URL is configured (with the token in memory), otherwise the pods' own endpoints. */
        private List<MetricSource> sources() {
            if (key.prometheusUrl() == null) {
                return List.of(new PodScrapeSource());
            }
            PrometheusSettings settings = PrometheusSettings.of(key.prometheusUrl());
            if (prometheusToken != null) {
                settings = settings.withBearerToken(prometheusToken);
            }
            return List.of(new PrometheusSource(settings));
        }
    }

    private final KubernetesClient client;
    private final List<MetricSource> sources;

    private MonitorConnection(KubernetesClient client, List<MetricSource> sources) {
        this.client = client;
        this.sources = sources;
    }

    /**
     * Reads the configuration and its credentials.
     *
     * @throws IOException if a credential is missing or its content cannot be read
     * @throws IllegalArgumentException if the core rejects a configured value
     */
    static Plan plan(MonitorConfiguration config) throws IOException {
        MonitorSettings settings = config.settings();
        String prometheusUrl = config.getPrometheusUrl();
        if (prometheusUrl != null) {
            PrometheusSettings.of(prometheusUrl); // rejects what is no http(s) URL, before anything connects
        }
        String token = null;
        String tokenId = config.getPrometheusCredentialsId();
        if (prometheusUrl != null && tokenId != null) {
            StringCredentials credential = CredentialsProvider.findCredentialByIdInItemGroup(tokenId,
                    StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (credential == null) {
                throw missing("Prometheus token", tokenId, "Secret text");
            }
            token = credential.getSecret().getPlainText().strip();
            if (token.isEmpty()) {
                throw new IOException("the Prometheus token credential '" + tokenId + "' is empty");
            }
        }
        String kubeconfig = null;
        String kubeconfigId = config.getKubeconfigCredentialsId();
        if (kubeconfigId != null) {
            FileCredentials credential = CredentialsProvider.findCredentialByIdInItemGroup(kubeconfigId,
                    FileCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (credential == null) {
                throw missing("kubeconfig", kubeconfigId, "Secret file");
            }
            try (InputStream in = credential.getContent()) {
                kubeconfig = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Key key = new Key(settings, prometheusUrl, token == null ? null : tokenId, digest(token), kubeconfigId,
                digest(kubeconfig));
        return new Plan(key, token, kubeconfig);
    }

    KubernetesClient client() {
        return client;
    }

    List<MetricSource> sources() {
        return sources;
    }

    /** The API server's URL, for the log and the dashboard. */
    String cluster() {
        return String.valueOf(client.getMasterUrl());
    }

    @Override
    public void close() {
        client.close();
    }

    private static IOException missing(String what, String id, String kind) {
        return new IOException("the " + what + " credential '" + id + "' is not a " + kind + " credential "
                + "available to Jenkins itself (global or system scope)");
    }

    private static String digest(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
