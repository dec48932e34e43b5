package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The kubeconfig file that points {@code kubectl} (or any client) at the embedded cluster: one cluster, one context
 * and a user with a dummy bearer token, because the embedded server authenticates nobody.
 */
final class Kubeconfig {

    /** Name of the cluster, the context and (with a suffix) the user in the written file. */
    static final String CLUSTER_NAME = "aidevops-embedded";
    /** The bearer token the file carries; the embedded server accepts any token, or none. */
    static final String TOKEN = "aidevops-embedded-token";

    private final String serverUrl;

    /** @param serverUrl the API server URL, e.g. {@code http://127.0.0.1:41234} */
    Kubeconfig(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** The kubeconfig as YAML. */
    String yaml() {
        String user = CLUSTER_NAME + "-user";
        Config config = new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster().withName(CLUSTER_NAME).withNewCluster().withServer(serverUrl).endCluster().endCluster()
                .addNewContext().withName(CLUSTER_NAME).withNewContext()
                .withCluster(CLUSTER_NAME).withUser(user).withNamespace("default")
                .endContext().endContext()
                .addNewUser().withName(user).withNewUser().withToken(TOKEN).endUser().endUser()
                .withCurrentContext(CLUSTER_NAME)
                .build();
        return new KubernetesSerialization().asYaml(config);
    }

    /**
     * The server of a kubeconfig this class wrote, read as plain data: nothing in the file is run or resolved (a
     * kubeconfig may name credential commands). A file counts as one of ours only when cluster, context, user and
     * token are exactly ours and the server is loopback HTTP with an explicit port.
     *
     * @return the server URL, or empty for any other file (including one that is not YAML at all)
     */
    static java.util.Optional<java.net.URI> serverOf(String yaml) {
        try {
            var config = new KubernetesSerialization().unmarshal(yaml, Config.class);
            var user = CLUSTER_NAME + "-user";
            var ours = config != null && CLUSTER_NAME.equals(config.getCurrentContext())
                    && config.getClusters() != null && config.getClusters().size() == 1
                    && CLUSTER_NAME.equals(config.getClusters().get(0).getName())
                    && config.getContexts() != null && config.getContexts().size() == 1
                    && user.equals(config.getContexts().get(0).getContext().getUser())
                    && config.getUsers() != null && config.getUsers().size() == 1
                    && user.equals(config.getUsers().get(0).getName())
                    && TOKEN.equals(config.getUsers().get(0).getUser().getToken())
                    && config.getUsers().get(0).getUser().getExec() == null;
            if (!ours) {
                return java.util.Optional.empty();
            }
            var server = java.net.URI.create(config.getClusters().get(0).getCluster().getServer());
            var loopback = "http".equals(server.getScheme()) && "127.0.0.1".equals(server.getHost())
                    && server.getPort() > 0;
            return loopback ? java.util.Optional.of(server) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Writes the kubeconfig to {@code file}, creating parent directories. On POSIX file systems the file is made
     * readable by its owner only, as kubeconfigs usually carry credentials.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    Path writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written beside the target and moved into place, so a reader never sees half a file; private from the
            // start, because it grants access to the cluster.
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, yaml(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kubeconfig of the embedded cluster to " + file, e);
        }
    }
}
