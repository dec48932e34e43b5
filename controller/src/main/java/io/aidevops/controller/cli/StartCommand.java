package io.aidevops.controller.cli;

import java.net.BindException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.config.KubernetesMode;
import io.aidevops.controller.kube.ClusterTargets;
import io.aidevops.controller.kube.EmbeddedKubeconfig;
import io.aidevops.controller.logging.LogSetup;
import io.aidevops.controller.service.AnalysisRoutes;
import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.controller.monitor.BackgroundMonitor;
import io.aidevops.controller.monitor.MonitorFolder;
import io.aidevops.controller.monitor.MonitorSetup;
import io.aidevops.controller.service.CanaryRoutes;
import io.aidevops.controller.service.MonitorRoutes;
import io.aidevops.controller.service.ConfiguredCluster;
import io.aidevops.controller.service.ControllerEndpoint;
import io.aidevops.controller.service.ControllerService;
import io.aidevops.controller.status.HttpProbe;
import io.aidevops.controller.status.StatusInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops start}: the controller service, in the foreground. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run the controller service in the foreground: the REST API under /api/v1 "
                + "(health, status, judge, advise, canaries; GET /api/v1 lists them).",
                "With kubernetes.mode 'embedded' it also runs the embedded cluster. Stops cleanly on SIGTERM or "
                        + "Ctrl-C."})
final class StartCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: server.port, 8080); 0 picks a free one.")
    Integer port;

    /** Lets an in-process test stop the service the way a signal would. */
    final StopSignal stopSignal = new StopSignal();

    @Override
    public Integer call() throws Exception {
        var loaded = root().loadConfig();
        var config = loaded.config();
        var chosenPort = checkPort(port != null ? port : config.server().port());
        var dataDir = config.app().dataDir();
        var out = context().out();
        stopSignal.install();
        try (var log = LogSetup.addFile(dataDir.resolve("logs"), loaded.logLevel());
             var cluster = config.kubernetes().mode() == KubernetesMode.EMBEDDED
                     ? EmbeddedCluster.start(EmbeddedClusterOptions.defaults()) : null;
             var kubeconfig = cluster == null ? null
                     : EmbeddedKubeconfig.write(cluster, dataDir.resolve(ClusterTargets.EMBEDDED_KUBECONFIG), false)) {
            if (cluster != null) {
                out.println("embedded cluster at " + cluster.apiServerUrl() + " (kubeconfig "
                        + Cli.shown(context(), kubeconfig.file()) + ")");
            }
            var inspector = new StatusInspector(context().clusterTargets(), new HttpProbe(Duration.ofSeconds(2)));
            try (var clusterAccess = new ConfiguredCluster(() -> context().clusterTargets().resolve(
                    config.kubernetes(), dataDir));
                 var service = bind(config.server().bindAddress(), chosenPort, inspector, loaded)) {
                AnalysisRoutes.all().forEach(service::add);
                new CanaryRoutes(clusterAccess).all().forEach(service::add);
                var monitoring = config.monitoring();
                var journal = openJournal(dataDir);
                // Closed before the service and the cluster access it uses, whatever fails after it starts.
                try (var monitor = monitoring.enabled() ? new BackgroundMonitor(clusterAccess,
                        MonitorSetup.settings(monitoring), MonitorSetup.sources(monitoring), journal,
                        context().clock(), Duration.ofSeconds(monitoring.interval())) : null) {
                    serve(service, monitor, journal, monitoring, loaded, log.path(), dataDir);
                }
            }
        } catch (EmbeddedKubeconfig.Refused e) {
            throw new UserException(e.getMessage(), ExitCodes.INFRASTRUCTURE);
        } finally {
            stopSignal.close();
        }
        out.println("aidevops controller stopped");
        return ExitCodes.OK;
    }

    private void serve(ControllerService service, BackgroundMonitor monitor, AlertJournal journal,
                       io.aidevops.controller.config.MonitoringConfig monitoring,
                       io.aidevops.controller.config.LoadedConfig loaded, java.nio.file.Path log,
                       java.nio.file.Path dataDir) throws Exception {
        var out = context().out();
        new MonitorRoutes(journal, monitor != null ? monitor::status
                : () -> BackgroundMonitor.disabled(monitoring.interval(), monitoring.detector()))
                .all().forEach(service::add);
        service.start();
        if (monitor != null) {
            monitor.start();
        }
        var pid = ProcessHandle.current().pid();
        new ControllerEndpoint(pid, service.url(), context().clock().instant()).write(dataDir);
        try {
            out.println("aidevops controller listening on " + service.url() + " (environment "
                    + loaded.environment() + ", configuration " + loaded.describeSource() + ")");
            out.println("  GET " + service.url() + "/api/v1/health");
            out.println("  GET " + service.url() + "/api/v1/status");
            out.println("  GET " + service.url() + "/api/v1 lists every endpoint");
            out.println(monitor == null ? "monitor: off (monitoring.enabled: false)"
                    : "monitor: a pass every " + monitoring.interval() + " s, detector " + monitoring.detector()
                            + "; alerts: GET " + service.url() + "/api/v1/alerts or aidevops alerts");
            out.println("log: " + Cli.shown(context(), log) + "; stop with Ctrl-C");
            out.flush();
            stopSignal.await();
        } finally {
            ControllerEndpoint.remove(dataDir, pid);
        }
    }

    private AlertJournal openJournal(java.nio.file.Path dataDir) {
        var folder = MonitorFolder.service(dataDir);
        try {
            return AlertJournal.open(folder);
        } catch (java.io.IOException e) {
            throw new UserException("cannot open the alert journal in " + Cli.shown(context(), folder) + ": " + e,
                    ExitCodes.INFRASTRUCTURE);
        }
    }

    private ControllerService bind(String address, int chosenPort, StatusInspector inspector,
                                   io.aidevops.controller.config.LoadedConfig loaded) throws java.io.IOException {
        try {
            return new ControllerService(address, chosenPort, url -> inspector.inspect(loaded, Optional.of(url)),
                    context().clock());
        } catch (BindException e) {
            var hint = String.valueOf(e.getMessage()).contains("in use")
                    ? "another service uses the port; choose one with --port or server.port"
                    : "check server.bind_address: it must be an address of this machine";
            throw new UserException("cannot listen on " + address + ":" + chosenPort + " (" + e.getMessage() + "); "
                    + hint, ExitCodes.INFRASTRUCTURE);
        }
    }
}
