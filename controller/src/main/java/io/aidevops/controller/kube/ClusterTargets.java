package io.aidevops.controller.kube;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.aidevops.controller.config.KubernetesConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Turns {@code kubernetes.*} settings into a {@link ClusterTarget}. The lookup order of mode {@code auto} is
 * kubectl's: {@code $KUBECONFIG}, then {@code ~/.kube/config}, then the pod's service account.
 */
public final class ClusterTargets {
    /** Where the running embedded cluster's kubeconfig is written, inside the data folder. */
    public static final Path EMBEDDED_KUBECONFIG = Path.of("cluster", "kubeconfig");
    /** The service-account token every pod gets. */
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private final Map<String, String> environment;
    private final Path home;
    private final Path serviceAccountToken;

    /**
     * @param environment         the process environment, for {@code KUBECONFIG}
     * @param home                the user's home folder, for {@code ~/.kube/config}
     * @param serviceAccountToken where an in-cluster token would be
     */
    public ClusterTargets(Map<String, String> environment, Path home, Path serviceAccountToken) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.serviceAccountToken = serviceAccountToken;
    }

    /** @return targets resolved like this process would */
    public static ClusterTargets forThisProcess() {
        return new ClusterTargets(System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT_TOKEN);
    }

    /**
     * @param settings the {@code kubernetes} section
     * @param dataDir  {@code app.data_dir}, where a running embedded cluster leaves its kubeconfig
     */
    public ClusterTarget resolve(KubernetesConfig settings, Path dataDir) {
        return switch (settings.mode()) {
            case KUBECONFIG -> fromFile(settings, settings.kubeconfig().orElseThrow(), "kubeconfig");
            case EMBEDDED -> {
                var file = dataDir.resolve(EMBEDDED_KUBECONFIG);
                yield Files.isRegularFile(file) ? fromFile(settings, file, "embedded cluster, kubeconfig")
                        : new ClusterTarget.Unavailable("embedded cluster is not running (no " + file + ")",
                        "start it with 'aidevops start' or 'aidevops cluster start --embedded'");
            }
            case IN_CLUSTER -> inCluster(settings);
            case AUTO -> auto(settings);
        };
    }

    private ClusterTarget auto(KubernetesConfig settings) {
        var file = settings.kubeconfig().or(this::kubeconfigFromEnvironment)
                .or(() -> Optional.of(home.resolve(".kube/config")).filter(Files::isRegularFile));
        if (file.isPresent()) {
            return fromFile(settings, file.get(), "kubeconfig");
        }
        if (Files.isRegularFile(serviceAccountToken)) {
            return inCluster(settings);
        }
        return new ClusterTarget.Unavailable("no cluster configured (no $KUBECONFIG, no ~/.kube/config, "
                + "not running in a pod)", "try the embedded cluster: 'aidevops cluster start --embedded', or set "
                + "kubernetes.kubeconfig in the configuration");
    }

    private Optional<Path> kubeconfigFromEnvironment() {
        // $KUBECONFIG may list several files; like kubectl, the first one that exists wins.
        return Optional.ofNullable(environment.get("KUBECONFIG")).stream()
                .flatMap(list -> java.util.Arrays.stream(list.split(File.pathSeparator)))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private ClusterTarget fromFile(KubernetesConfig settings, Path file, String label) {
        if (!Files.isRegularFile(file)) {
            return new ClusterTarget.Unavailable(label + " " + file + " does not exist",
                    "check kubernetes.kubeconfig in the configuration");
        }
        try {
            var config = Config.fromKubeconfig(settings.context().orElse(null), file.toFile());
            var context = config.getCurrentContext() == null ? "" : " (context " + config.getCurrentContext().getName()
                    + ")";
            return new ClusterTarget.Configured(tune(config, settings), label + " " + file + context);
        } catch (RuntimeException e) {
            return new ClusterTarget.Unavailable("cannot use " + label + " " + file + ": " + e.getMessage(),
                    "check the file with 'kubectl --kubeconfig " + file + " config view'");
        }
    }

    /**
     * The pod's service account, built from its files and the variables Kubernetes sets in every pod, and nothing
     * else: fabric8's auto-configuration would prefer a kubeconfig if one happened to be in the image.
     */
    private ClusterTarget inCluster(KubernetesConfig settings) {
        var host = environment.get("KUBERNETES_SERVICE_HOST");
        var port = environment.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
        if (!Files.isRegularFile(serviceAccountToken) || host == null) {
            return new ClusterTarget.Unavailable("not running in a pod (no " + serviceAccountToken
                    + " or no $KUBERNETES_SERVICE_HOST)", "use mode 'kubeconfig' outside the cluster");
        }
        var master = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        var ca = serviceAccountToken.resolveSibling("ca.crt");
        var builder = new ConfigBuilder(Config.empty()).withMasterUrl(master)
                .withCaCertFile(Files.isRegularFile(ca) ? ca.toString() : null);
        if (settings.token().isEmpty()) {
            // Read on every request: projected service-account tokens are rotated while the pod runs. (A provider
            // would also win over kubernetes.token, so it is set only when no token is configured.)
            builder.withOauthTokenProvider(() -> readToken(serviceAccountToken));
        }
        var config = builder.build();
        return new ClusterTarget.Configured(tune(config, settings), "in-cluster service account at " + master);
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the service-account token " + file, e);
        }
    }

    private static Config tune(Config config, KubernetesConfig settings) {
        var millis = settings.requestTimeout() * 1000;
        config.setRequestTimeout(millis);
        config.setConnectionTimeout(Math.min(millis, 5000));
        // Retries belong to the operations that are safe to repeat, not to every probe.
        config.setRequestRetryBackoffLimit(0);
        config.setNamespace(settings.namespace());
        settings.token().ifPresent(token -> config.setOauthToken(token.reveal()));
        return config;
    }

    /** @return a client for a configured target */
    public static KubernetesClient client(ClusterTarget.Configured target) {
        return new KubernetesClientBuilder().withConfig(target.clientConfig()).build();
    }
}
