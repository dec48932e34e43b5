package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.aidevops.cluster.AcceleratedClock;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.demo.Demo;
import io.aidevops.controller.demo.DemoException;
import io.aidevops.controller.kube.EmbeddedKubeconfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops demo}: the suite at work on an embedded cluster. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show the suite at work on an embedded Kubernetes cluster: deploy a sample application, "
                + "watch it become ready, read its pods' metrics, then release a good version by canary (promoted) "
                + "and a bad one (rolled back early), with the evidence of every judgment.",
                "Nothing leaves this machine. With --keep, the cluster stays up for kubectl until Ctrl-C."})
final class DemoCommand extends Subcommand implements Callable<Integer> {
    /** The demo's own kubeconfig, beside (not in place of) the one of a cluster 'aidevops start' runs. */
    static final Path KUBECONFIG = Path.of("demo", "kubeconfig");

    @Option(names = "--keep", description = "Keep the embedded cluster running after the demo, until Ctrl-C.")
    boolean keep;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long each rollout may take, 1-3600 (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @picocli.CommandLine.Mixin
    FormatOption format;

    final StopSignal stopSignal = new StopSignal();

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new UserException("--timeout must be from 1 to 3600 seconds, was " + timeoutSeconds,
                    ExitCodes.USAGE);
        }
        var loaded = root().loadConfig();
        var file = loaded.config().app().dataDir().resolve(KUBECONFIG);
        // In JSON mode the narrative goes to standard error, so standard output holds only the JSON document.
        var out = format.json() ? context().err() : context().out();
        stopSignal.interrupting(Thread.currentThread()).install();
        out.println("AI DevOps Suite demo: everything runs in this process, on an embedded cluster.");
        out.println();
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults()
                .withClock(AcceleratedClock.startingNow(Demo.SPEED)));
             var kubeconfig = EmbeddedKubeconfig.write(cluster, file, false)) {
            try {
                return narrate(cluster, Cli.shown(context(), kubeconfig.file()), loaded.config().app().dataDir()
                        .resolve("demo"), out);
            } catch (InterruptedException | RuntimeException e) {
                // A stop interrupts whatever the demo was doing: a sleep, or a Kubernetes call that wraps the
                // interrupt. Anything else is a real failure.
                if (!stopSignal.requested() || e instanceof DemoException) {
                    throw e;
                }
                // Cleared before the cluster closes: closing waits for its threads, which an interrupt would cut.
                Thread.interrupted();
            }
        } catch (DemoException e) {
            throw new UserException("demo failed: " + e.getMessage(), ExitCodes.INFRASTRUCTURE);
        } catch (EmbeddedKubeconfig.Refused e) {
            throw new UserException(e.getMessage(), ExitCodes.INFRASTRUCTURE);
        } finally {
            stopSignal.close();
        }
        // Only a stop gets here: every other way out of the try returns or throws.
        out.println();
        out.println("demo stopped before it finished; the embedded cluster is gone");
        return ExitCodes.INTERRUPTED;
    }

    private int narrate(EmbeddedCluster cluster, Path shown, Path reports, java.io.PrintWriter out)
            throws InterruptedException, java.io.IOException {
        Demo.announceCluster(out, cluster.apiServerUrl(), shown);
        var report = new Demo(cluster, out, Duration.ofSeconds(timeoutSeconds), reports,
                io.aidevops.controller.monitor.MonitorFolder.demo(reports.getParent())).run(shown.toString());
        // From here on a stop is awaited, not interrupted into.
        stopSignal.interrupting(null);
        out.println();
        out.println("What happened: the suite's embedded cluster played API server, Deployment controller and "
                + "kubelet (simulated time ran " + (int) Demo.SPEED + " times faster); " + Demo.APP + " went from 0 to "
                + report.pods().size() + " ready pods, each serving its own metrics.");
        for (var canary : report.canaries()) {
            out.println("  " + canary.image() + ": " + canary.phase() + " after " + canary.looks() + " of "
                    + canary.plannedLooks() + " analysis looks (" + canary.simulatedSeconds() + " s simulated)");
        }
        out.println("  " + Demo.APP + " runs " + report.finalImage() + ".");
        out.println("  the monitor raised " + report.alerts().size() + " alerts: " + report.alerts().stream()
                .map(a -> a.alert().kind().code()).distinct().collect(java.util.stream.Collectors.joining(", ")) + ".");
        if (format.json()) {
            Output.json(context().out(), report);
        }
        out.println();
        if (keep) {
            out.println("The cluster keeps running. In another terminal:");
            out.println("  kubectl --kubeconfig " + shown + " get deployments,pods -A");
            out.println("Stop with Ctrl-C.");
            out.flush();
            stopSignal.await();
        } else {
            out.println("Where to look next:");
            out.println("  ./aidevops demo --keep                keep this cluster up and explore it with kubectl:");
            out.println("      kubectl --kubeconfig " + shown + " get deployments,pods -A");
            out.println("  ./aidevops cluster start --embedded   a standalone embedded cluster");
            out.println("  ./aidevops canary --help               canary releases on your own cluster (docs/canary.md)");
            out.println("  ./aidevops bench canary                the judges measured on a labelled corpus of rollouts");
            out.println("  ./aidevops alerts --demo --all         the monitor's alerts of this demo, with their evidence");
            out.println("  ./aidevops nab --data ../shared/data/nab   the anomaly detector on the NAB benchmark");
            out.println("  ./aidevops init && ./aidevops status --verbose");
            out.println("  docs/architecture.md                  how the pieces fit");
        }
        Thread.interrupted();
        return ExitCodes.OK;
    }
}
