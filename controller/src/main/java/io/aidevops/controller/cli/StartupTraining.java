package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.kube.ClusterTargets;

/**
 * Exercises the commands' usual paths once, so the launcher can record the classes they load in a class-data
 * archive ({@code -XX:ArchiveClassesAtExit}). Later runs map that archive instead of loading and verifying some
 * 5,000 classes (the Kubernetes client, Jackson, picocli) one by one: {@code aidevops status} against a cluster
 * starts in about half the time. Not a user command; the launcher runs it once after each build.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /** Runs the training; the exit code is always 0 so a failed training never blocks the user's command. */
    public static void main(String[] args) throws IOException {
        var folder = Files.createTempDirectory("aidevops-training");
        var quiet = new PrintWriter(Writer.nullWriter());
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults().withBackground(false))) {
            var kubeconfig = cluster.writeKubeconfig(folder.resolve("kubeconfig"));
            var environment = Map.of("KUBECONFIG", kubeconfig.toString());
            var context = new CliContext(environment, folder, quiet, quiet, Clock.systemUTC(),
                    new ClusterTargets(environment, folder, folder.resolve("no-token")));
            for (var command : new String[][] {{"status", "--verbose"}, {"status", "--format", "json"},
                    {"config", "validate"}, {"version"}, {"--help"}}) {
                Cli.run(context, command);
            }
        } catch (RuntimeException e) {
            System.err.println("aidevops: start-up training skipped: " + e);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }
}
