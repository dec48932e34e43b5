package io.aidevops.controller.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.demo.Demo;
import io.aidevops.controller.demo.DemoException;
import io.aidevops.controller.kube.ClusterTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops demo}: the suite at work on an embedded cluster. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show the suite at work on an embedded Kubernetes cluster: deploy a sample application, "
                + "watch it become ready, read its pods' metrics, roll out a new version.",
                "Nothing leaves this machine. With --keep, the cluster stays up for kubectl until Ctrl-C."})
final class DemoCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--keep", description = "Keep the embedded cluster running after the demo, until Ctrl-C.")
    boolean keep;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long each rollout may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--format", defaultValue = "text",
            description = "text, or json for a summary of what happened (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    StopSignal stopSignal = new StopSignal();

    @Override
    public Integer call() throws Exception {
        var loaded = root().loadConfig();
        var dataDir = loaded.config().app().dataDir();
        var kubeconfig = dataDir.resolve(ClusterTargets.EMBEDDED_KUBECONFIG);
        var shownKubeconfig = Cli.shown(context(), kubeconfig);
        var json = format == OutputFormat.JSON;
        // In JSON mode the narrative goes to standard error, so standard output holds only the JSON document.
        var out = json ? context().err() : context().out();
        if (keep) {
            stopSignal.install();
        }
        out.println("AI DevOps Suite demo: everything runs in this process, on an embedded cluster.");
        out.println();
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults())) {
            cluster.writeKubeconfig(kubeconfig);
            Demo.announceCluster(out, cluster.apiServerUrl(), shownKubeconfig);
            var report = new Demo(cluster, out, Duration.ofSeconds(timeoutSeconds)).run(shownKubeconfig.toString());
            out.println();
            out.println("What happened: the suite's embedded cluster played API server, Deployment controller and "
                    + "kubelet; " + Demo.APP + " went from 0 to " + report.pods().size() + " ready pods, each serving "
                    + "its own metrics, then rolled to " + report.finalImage() + " without losing availability.");
            if (json) {
                Output.json(context().out(), report);
            }
            if (keep) {
                out.println();
                out.println("The cluster keeps running. In another terminal:");
                out.println("  kubectl --kubeconfig " + shownKubeconfig + " get deployments,pods -A");
                out.println("  ./aidevops status --verbose      (with kubernetes.mode: embedded in the configuration)");
                out.println("Stop with Ctrl-C.");
                out.flush();
                stopSignal.await();
            } else {
                out.println();
                out.println("Where to look next:");
                out.println("  ./aidevops demo --keep                keep this cluster up and explore it with kubectl:");
                out.println("      kubectl --kubeconfig " + shownKubeconfig + " get deployments,pods -A");
                out.println("  ./aidevops cluster start --embedded   a standalone embedded cluster");
                out.println("  ./aidevops init && ./aidevops status --verbose");
                out.println("  docs/architecture.md                  how the pieces fit");
            }
            return ExitCodes.OK;
        } catch (DemoException e) {
            throw new UserException("demo failed: " + e.getMessage(), ExitCodes.INFRASTRUCTURE);
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }
}
