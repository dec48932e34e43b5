package io.aidevops.controller.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.aidevops.controller.config.ConfigLoader;
import io.aidevops.controller.config.KubernetesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTargetsTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster: {server: "https://one.example:6443"}
            - name: two
              cluster: {server: "https://two.example:6443"}
            contexts:
            - name: first
              context: {cluster: one, user: u}
            - name: second
              context: {cluster: two, user: u}
            current-context: first
            users:
            - name: u
              user: {token: t}
            """;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private KubernetesConfig settings(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.yaml"), yaml);
        return new ConfigLoader(env, dir).load(Optional.empty()).config().kubernetes();
    }

    private ClusterTarget resolve(String yaml) throws Exception {
        return new ClusterTargets(env, dir.resolve("home"), dir.resolve("sa/token")).resolve(settings(yaml),
                dir.resolve(".aidevops"));
    }

    @Test
    void modeKubeconfigUsesTheFileAndTheChosenContext() throws Exception {
        Files.writeString(dir.resolve("config-file"), KUBECONFIG);

        var target = resolve("kubernetes:\n  mode: kubeconfig\n  kubeconfig: ../config-file\n  context: second\n"
                + "  namespace: shop\n  request_timeout: 7\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Configured.class, c -> {
            assertThat(c.clientConfig().getMasterUrl()).startsWith("https://two.example:6443");
            assertThat(c.clientConfig().getNamespace()).isEqualTo("shop");
            assertThat(c.clientConfig().getRequestTimeout()).isEqualTo(7000);
            assertThat(c.describe()).contains("config-file", "(context second)");
        });
    }

    @Test
    void autoTakesTheFirstExistingFileOfTheKubeconfigVariable() throws Exception {
        Files.writeString(dir.resolve("real"), KUBECONFIG);
        env.put("KUBECONFIG", dir.resolve("missing") + File.pathSeparator + dir.resolve("real"));

        var target = resolve("kubernetes:\n  mode: auto\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Configured.class,
                c -> assertThat(c.clientConfig().getMasterUrl()).startsWith("https://one.example:6443"));
    }

    @Test
    void autoFallsBackToTheHomeKubeconfig() throws Exception {
        Files.createDirectories(dir.resolve("home/.kube"));
        Files.writeString(dir.resolve("home/.kube/config"), KUBECONFIG);

        assertThat(resolve("kubernetes:\n  mode: auto\n")).isInstanceOf(ClusterTarget.Configured.class);
    }

    @Test
    void aTokenFromTheConfigurationReplacesTheKubeconfigsCredentials() throws Exception {
        Files.writeString(dir.resolve("real"), KUBECONFIG);
        env.put("KUBECONFIG", dir.resolve("real").toString());
        env.put("MY_TOKEN", "from-config");

        var target = (ClusterTarget.Configured) resolve("kubernetes:\n  token: {env: MY_TOKEN}\n");

        assertThat(target.clientConfig().getOauthToken()).isEqualTo("from-config");
    }

    /** What Kubernetes gives every pod: a service-account token and the API service's address. */
    private void runInAPod() throws Exception {
        Files.createDirectories(dir.resolve("sa"));
        Files.writeString(dir.resolve("sa/token"), "sa-token\n");
        env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        env.put("KUBERNETES_SERVICE_PORT", "443");
    }

    @Test
    void inClusterUsesTheServiceAccountAndTheServiceVariables() throws Exception {
        runInAPod();

        var target = resolve("kubernetes:\n  mode: in-cluster\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Configured.class, c -> {
            assertThat(c.clientConfig().getMasterUrl()).startsWith("https://10.96.0.1:443");
            assertThat(c.clientConfig().getOauthTokenProvider().getToken()).isEqualTo("sa-token");
        });
    }

    @Test
    void inClusterWithAConfiguredTokenUsesThatToken() throws Exception {
        runInAPod();
        env.put("OTHER_TOKEN", "configured-token");

        var target = (ClusterTarget.Configured) resolve("kubernetes:\n  mode: in-cluster\n  token: {env: OTHER_TOKEN}\n");

        assertThat(target.clientConfig().getOauthTokenProvider()).isNull();
        assertThat(target.clientConfig().getOauthToken()).isEqualTo("configured-token");
    }

    @Test
    void inClusterOutsideAPodIsUnavailable() throws Exception {
        var target = resolve("kubernetes:\n  mode: in-cluster\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Unavailable.class,
                u -> assertThat(u.describe()).contains("not running in a pod"));
    }

    @Test
    void embeddedWithoutARunningClusterIsUnavailableWithAHint() throws Exception {
        var target = resolve("kubernetes:\n  mode: embedded\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Unavailable.class, u -> {
            assertThat(u.describe()).contains("embedded cluster is not running");
            assertThat(u.hint()).contains("aidevops cluster start --embedded");
        });
    }

    @Test
    void aBrokenKubeconfigIsUnavailableWithItsReason() throws Exception {
        Files.writeString(dir.resolve("broken"), "clusters: [this is not: a kubeconfig\n");
        env.put("KUBECONFIG", dir.resolve("broken").toString());

        var target = resolve("kubernetes:\n  mode: auto\n");

        assertThat(target).isInstanceOfSatisfying(ClusterTarget.Unavailable.class, u -> {
            assertThat(u.describe()).startsWith("cannot use kubeconfig");
            assertThat(u.hint()).contains("kubectl --kubeconfig");
        });
    }
}
