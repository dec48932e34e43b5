package io.aidevops.controller.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.controller.config.KubernetesMode;
import io.aidevops.controller.kube.ClusterTargets;
import io.aidevops.controller.logging.LogSetup;
import io.aidevops.controller.service.ControllerEndpoint;
import io.aidevops.controller.service.ControllerService;
import io.aidevops.controller.status.HttpProbe;
import io.aidevops.controller.status.StatusInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops start}: the controller service, in the foreground. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run the controller service in the foreground: the REST API under /api/v1 "
                + "(GET /api/v1/health, GET /api/v1/status).",
                "With kubernetes.mode 'embedded' it also runs the embedded cluster. Stops cleanly on SIGTERM or "
                        + "Ctrl-C."})
final class StartCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: server.port, 8080); 0 picks a free one.")
    Integer port;

    /** Lets an in-process test stop the service the way a signal would. */
    StopSignal stopSignal = new StopSignal();

    @Override
    public Integer call() throws Exception {
        var loaded = root().loadConfig();
        var config = loaded.config();
        var dataDir = config.app().dataDir();
        var logFile = LogSetup.addFile(dataDir.resolve("logs"), loaded.logLevel());
        var out = context().out();
        var chosenPort = port != null ? port : config.server().port();
        if (chosenPort < 0 || chosenPort > 65535) {
            throw new UserException("--port must be from 0 to 65535, was " + chosenPort, ExitCodes.USAGE);
        }
        stopSignal.install();

        EmbeddedCluster cluster = null;
        var kubeconfig = dataDir.resolve(ClusterTargets.EMBEDDED_KUBECONFIG);
        ControllerService service = null;
        try {
            if (config.kubernetes().mode() == KubernetesMode.EMBEDDED) {
                cluster = EmbeddedCluster.start(EmbeddedClusterOptions.defaults());
                cluster.writeKubeconfig(kubeconfig);
                out.println("embedded cluster at " + cluster.apiServerUrl() + " (kubeconfig " + shown(kubeconfig)
                        + ")");
            }
            var inspector = new StatusInspector(context().clusterTargets(), new HttpProbe(Duration.ofSeconds(2)));
            var self = new String[1];
            try {
                service = new ControllerService(config.server().bindAddress(), chosenPort,
                        () -> inspector.inspect(loaded, Optional.ofNullable(self[0])), context().clock());
            } catch (BindException e) {
                throw new UserException("cannot listen on " + config.server().bindAddress() + ":" + chosenPort + " ("
                        + e.getMessage() + "); is another service using the port? Choose one with --port or "
                        + "server.port", ExitCodes.INFRASTRUCTURE);
            }
            self[0] = service.url();
            service.start();
            new ControllerEndpoint(ProcessHandle.current().pid(), service.url(), context().clock().instant())
                    .write(dataDir);
            out.println("aidevops controller listening on " + service.url() + " (environment "
                    + loaded.environment() + ", configuration " + loaded.describeSource() + ")");
            out.println("  GET " + service.url() + "/api/v1/health");
            out.println("  GET " + service.url() + "/api/v1/status");
            out.println("log: " + shown(logFile) + "; stop with Ctrl-C");
            out.flush();
            stopSignal.await();
        } finally {
            if (service != null) {
                service.close();
                ControllerEndpoint.remove(dataDir, ProcessHandle.current().pid());
            }
            if (cluster != null) {
                cluster.close();
                deleteQuietly(kubeconfig);
            }
        }
        out.println("aidevops controller stopped");
        return ExitCodes.OK;
    }

    private String shown(java.nio.file.Path path) {
        return Cli.shown(context(), path).toString();
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale kubeconfig only makes 'status' report the embedded cluster unreachable
        }
    }
}
