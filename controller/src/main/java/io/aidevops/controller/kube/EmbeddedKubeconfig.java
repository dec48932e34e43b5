package io.aidevops.controller.kube;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.aidevops.cluster.EmbeddedCluster;

/**
 * The kubeconfig of an embedded cluster this process runs: written when the cluster starts, removed when it stops,
 * so nothing points at a cluster that is gone. It never replaces or removes a file that is not its own: an existing
 * file is taken over only when it is an embedded cluster's kubeconfig whose cluster no longer answers (a killed run
 * left it), or when the user said so with {@code --force}. A symbolic link is never written through.
 */
public final class EmbeddedKubeconfig implements AutoCloseable {
    private final Path file;
    private final byte[] written;

    private EmbeddedKubeconfig(Path file, byte[] written) {
        this.file = file;
        this.written = written;
    }

    /** Why a kubeconfig could not be written. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code cluster}'s kubeconfig to {@code file}.
     *
     * @param replace replace an existing regular file even when it is not a stale one of ours (the user's
     *                {@code --force})
     * @throws Refused when {@code file} is a symbolic link, belongs to a running cluster or to somebody else
     */
    public static EmbeddedKubeconfig write(EmbeddedCluster cluster, Path file, boolean replace)
            throws IOException, Refused {
        if (Files.isSymbolicLink(file)) {
            // Writing would replace the link (often ~/.kube/config) with a file and delete it on stop.
            throw new Refused(file + " is a symbolic link; choose another file for the embedded cluster's kubeconfig");
        }
        if (Files.exists(file) && !replace) {
            var server = EmbeddedCluster.serverOfOwnKubeconfig(Files.readString(file));
            if (server.isEmpty()) {
                throw new Refused(file + " exists and is not a kubeconfig written by aidevops; choose another file "
                        + "or pass --force to replace it");
            }
            if (answers(server.get())) {
                throw new Refused(file + " belongs to an embedded cluster that is running at " + server.get()
                        + "; stop it first, choose another file, or pass --force to replace it");
            }
            // A kubeconfig of ours whose cluster is gone: left by a run that was killed. Taking it over is safe.
        }
        cluster.writeKubeconfig(file);
        return new EmbeddedKubeconfig(file, Files.readAllBytes(file));
    }

    /** @return where the kubeconfig is */
    public Path file() {
        return file;
    }

    /** Removes the file, unless someone replaced it meanwhile. */
    @Override
    public void close() {
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), written)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // A kubeconfig left behind is detected as stale by the next run; nothing to do here.
        }
    }

    private static boolean answers(URI server) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
