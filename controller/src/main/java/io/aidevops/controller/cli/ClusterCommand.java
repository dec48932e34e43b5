package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.kube.ClusterTargets;
import io.aidevops.controller.kube.EmbeddedKubeconfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops cluster ...}. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Run the embedded Kubernetes cluster.",
        subcommands = ClusterCommand.Start.class)
final class ClusterCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        spec.commandLine().usage(context().out());
    }

    /** {@code aidevops cluster start --embedded}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Run the embedded cluster in the foreground: a Kubernetes API server on 127.0.0.1 with a "
                    + "simulated Deployment controller, kubelet and pod metrics.",
                    "Writes a kubeconfig kubectl can use and removes it on Ctrl-C or SIGTERM. An existing file is "
                            + "replaced only when it is a kubeconfig of a cluster that no longer runs, or with "
                            + "--force."})
    static final class Start extends Subcommand implements Callable<Integer> {
        @Option(names = "--embedded", required = true,
                description = "Run the suite's embedded cluster (the only kind this command starts).")
        boolean embedded;

        @Option(names = "--kubeconfig", paramLabel = "FILE",
                description = "Where to write the kubeconfig (default: <data_dir>/cluster/kubeconfig).")
        Path kubeconfig;

        @Option(names = "--force", description = "Replace the kubeconfig file even if it is not a stale one of ours.")
        boolean force;

        @Option(names = "--port", paramLabel = "N", defaultValue = "0",
                description = "API server port on 127.0.0.1; 0 picks a free one (default).")
        int port;

        final StopSignal stopSignal = new StopSignal();

        @Override
        public Integer call() throws Exception {
            var loaded = root().loadConfig();
            var file = kubeconfig != null ? context().workingDirectory().resolve(kubeconfig)
                    : loaded.config().app().dataDir().resolve(ClusterTargets.EMBEDDED_KUBECONFIG);
            var options = EmbeddedClusterOptions.defaults().withPort(checkPort(port));
            var out = context().out();
            stopSignal.install();
            try (var cluster = EmbeddedCluster.start(options);
                 var written = EmbeddedKubeconfig.write(cluster, file, force)) {
                var shown = Cli.shown(context(), written.file());
                out.println("embedded cluster running: API server " + cluster.apiServerUrl());
                out.println("kubeconfig: " + shown);
                out.println("  kubectl --kubeconfig " + shown + " get deployments,pods -A");
                out.println("  export KUBECONFIG=" + written.file().toAbsolutePath()
                        + "   (then 'aidevops status' finds it too)");
                out.println("Stop with Ctrl-C.");
                out.flush();
                stopSignal.await();
            } catch (EmbeddedKubeconfig.Refused e) {
                throw new UserException(e.getMessage(), ExitCodes.INFRASTRUCTURE);
            } finally {
                stopSignal.close();
            }
            out.println("embedded cluster stopped");
            return ExitCodes.OK;
        }
    }
}
