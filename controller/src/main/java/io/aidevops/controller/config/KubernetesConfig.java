package io.aidevops.controller.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code kubernetes}: which cluster the suite talks to.
 *
 * @param mode           how the cluster is found
 * @param kubeconfig     kubeconfig file for {@link KubernetesMode#KUBECONFIG}; otherwise {@code $KUBECONFIG} or
 *                       {@code ~/.kube/config} are used
 * @param context        kubeconfig context; the file's current context when absent
 * @param namespace      namespace used when a command names none
 * @param token          bearer token that replaces the kubeconfig's credentials
 * @param requestTimeout seconds before a Kubernetes API request is given up
 */
public record KubernetesConfig(KubernetesMode mode, Optional<Path> kubeconfig, Optional<String> context,
                               String namespace, Optional<Secret> token, int requestTimeout) {
    static final String DEFAULT_NAMESPACE = "default";
    static final int DEFAULT_REQUEST_TIMEOUT = 10;

    static KubernetesConfig read(ConfigSection s) {
        var mode = s.choice("mode", KubernetesMode.class, KubernetesMode.AUTO);
        var kubeconfig = s.path("kubeconfig");
        var config = new KubernetesConfig(mode, kubeconfig, s.optionalText("context"),
                s.text("namespace", DEFAULT_NAMESPACE), s.secret("token"),
                s.integer("request_timeout", DEFAULT_REQUEST_TIMEOUT, 1, 600));
        if (!config.namespace().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            s.problem("namespace", "'" + config.namespace() + "' is not a Kubernetes namespace name (lower-case "
                    + "letters, digits and '-', at most 63, starting and ending with a letter or digit)");
        }
        if (mode == KubernetesMode.KUBECONFIG && kubeconfig.isEmpty()) {
            s.problem("mode", "mode 'kubeconfig' needs kubernetes.kubeconfig, the path of the kubeconfig file");
        }
        if (mode != KubernetesMode.KUBECONFIG && mode != KubernetesMode.AUTO && kubeconfig.isPresent()) {
            s.problem("kubeconfig", "kubernetes.kubeconfig is used only with mode 'kubeconfig' or 'auto', not '"
                    + ConfigSection.configName(mode) + "'");
        }
        s.finish();
        return config;
    }
}
