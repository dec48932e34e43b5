package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aidevops.ai.canary.CanaryAnalysis;
import io.aidevops.ai.canary.Thresholds;
import io.aidevops.deploy.metrics.MetricProvider;
import io.aidevops.deploy.metrics.PodScrapeMetricProvider;
import io.aidevops.deploy.metrics.PrometheusConfig;
import io.aidevops.deploy.metrics.PrometheusMetricProvider;
import io.aidevops.deploy.plan.DurationText;
import io.aidevops.deploy.plan.PlanException;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.RolloutPlanParser;
import io.aidevops.deploy.rollout.AnalysisMetric;
import io.aidevops.deploy.rollout.CanarySpec;
import io.aidevops.deploy.rollout.EvidenceReport;
import io.aidevops.deploy.rollout.PlanText;
import io.aidevops.deploy.rollout.RolloutEngine;
import io.aidevops.deploy.rollout.RolloutException;
import io.aidevops.deploy.rollout.RolloutPhase;
import io.aidevops.deploy.rollout.RolloutState;
import io.aidevops.deploy.rollout.RolloutStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops canary deploy|status|abort|promote|retry|resume}. */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = {"Progressive delivery of a new image to a Deployment, judged by metrics against the stable "
                + "version.",
                "All state lives in the cluster (ConfigMap <deployment>-aidevops-canary): any process may stop, and "
                        + "'resume' from anywhere carries on where it was.",
                "Exit 0 promoted, 1 rolled back or aborted, 2 usage or configuration error, 3 infrastructure "
                        + "error."},
        subcommands = {CanaryCommand.Deploy.class, CanaryCommand.Status.class, CanaryCommand.Abort.class,
                CanaryCommand.Promote.class, CanaryCommand.Retry.class, CanaryCommand.Resume.class})
final class CanaryCommand {

    /** The options every subcommand shares: which Deployment, on which cluster. */
    static final class Target {
        @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS",
                description = "The Deployment's namespace.")
        String namespace;

        @Option(names = {"-d", "--deployment"}, required = true, paramLabel = "NAME",
                description = "The Deployment that runs the stable version.")
        String deployment;
    }

    /** Cluster and metric source options. */
    static final class Connection {
        @Option(names = "--kubeconfig", paramLabel = "FILE",
                description = "Kubeconfig to use instead of the configured cluster (kubernetes.* in the "
                        + "configuration).")
        Path kubeconfig;

        @Option(names = "--prometheus", paramLabel = "URL",
                description = "Prometheus HTTP API for the metrics (default: monitoring.prometheus.url; without "
                        + "one, each pod's own metrics endpoint is scraped).")
        String prometheus;

        @Option(names = "--prometheus-token-file", paramLabel = "FILE",
                description = "File with a bearer token for Prometheus, read on every query.")
        Path prometheusTokenFile;

        @Option(names = "--tick", paramLabel = "DURATION", defaultValue = "5s",
                description = "Time between two reconciles and pod scrapes (default: ${DEFAULT-VALUE}).")
        String tick;
    }

    /** Base of the subcommands: builds the engine and turns its failures into exit codes. */
    abstract static class CanarySubcommand extends Subcommand implements Callable<Integer> {
        @Mixin
        FormatOption format;

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Rollout:%n")
        Target target;

        @ArgGroup(exclusive = false, heading = "Connection:%n")
        Connection connection = new Connection();

        @Option(names = "--report", paramLabel = "FILE",
                description = "Also write the evidence report to FILE (.html, .json or text).")
        Path report;

        /** The loaded configuration, for defaults (cluster, Prometheus, initial weight). */
        io.aidevops.controller.config.AidevopsConfig config;

        @Override
        public final Integer call() throws Exception {
            // Every option is checked before anything reaches the cluster.
            duration("--tick", connection.tick);
            config = root().loadConfig().config();
            try (KubernetesClient client = client()) {
                RolloutEngine engine = new RolloutEngine(client, metrics(client), CanaryAnalysis.defaults(),
                        context().clock(), this::progress);
                return execute(engine);
            } catch (RolloutException | PlanException | IllegalArgumentException e) {
                throw new UserException(e.getMessage(), ExitCodes.USAGE);
            } catch (io.aidevops.deploy.traffic.TrafficRoutingException e) {
                throw new UserException("traffic routing: " + e.getMessage(), ExitCodes.INFRASTRUCTURE);
            } catch (RolloutStore.ConcurrentChangeException e) {
                throw new UserException(e.getMessage() + "; try again", ExitCodes.INFRASTRUCTURE);
            } catch (KubernetesClientException e) {
                throw new UserException("Kubernetes API: " + (e.getStatus() != null && e.getStatus().getMessage()
                        != null ? e.getStatus().getMessage() : e.getMessage()), ExitCodes.INFRASTRUCTURE);
            }
        }

        abstract int execute(RolloutEngine engine) throws Exception;

        /** Prints one progress line per change; in JSON mode to standard error, so stdout holds only JSON. */
        void progress(RolloutState state) {
            PrintWriter out = format.json() ? context().err() : context().out();
            out.printf(Locale.ROOT, "[%s] %s: %s%n", state.updatedAt(), state.phase(), state.message());
            out.flush();
        }

        /** Runs the rollout to its end and reports it. */
        int runToEnd(RolloutEngine engine) throws InterruptedException, IOException {
            try (var stop = new StopSignal().interrupting(Thread.currentThread()).install()) {
                RolloutState end = engine.run(target.namespace, target.deployment, duration("--tick",
                        connection.tick), io.aidevops.deploy.kube.Sleeper.THREAD);
                return show(end);
            } catch (InterruptedException e) {
                context().err().println("stopped; the rollout stays where it is in the cluster. Continue it with "
                        + "'aidevops canary resume -n " + target.namespace + " -d " + target.deployment + "'");
                return ExitCodes.INTERRUPTED;
            } catch (RolloutException e) {
                throw e;
            } catch (IllegalArgumentException | IllegalStateException e) {
                // The rollout was accepted; what fails now (bad data from a metric source, a router that lost its
                // objects) is not the user's command line.
                throw new UserException("the rollout stopped: " + e.getMessage() + "; it stays where it is in the "
                        + "cluster: see 'aidevops canary status', continue with 'aidevops canary resume -n "
                        + target.namespace + " -d " + target.deployment + "' or 'abort'", ExitCodes.INFRASTRUCTURE);
            }
        }

        /** Prints the state and writes the report; the exit code of its phase. */
        int show(RolloutState state) throws IOException {
            if (format.json()) {
                context().out().println(EvidenceReport.json(state));
            } else {
                context().out().print(EvidenceReport.text(state));
            }
            context().out().flush();
            if (report != null) {
                String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
                String body = name.endsWith(".html") || name.endsWith(".htm") ? EvidenceReport.html(state)
                        : name.endsWith(".json") ? EvidenceReport.json(state) : EvidenceReport.text(state);
                Files.writeString(report, body, StandardCharsets.UTF_8);
            }
            return exitCode(state.phase());
        }

        private KubernetesClient client() {
            return ClusterClients.open(context(), config, connection.kubeconfig);
        }

        private MetricProvider metrics(KubernetesClient client) {
            String url = connection.prometheus;
            if (url == null && connection.kubeconfig == null) {
                url = config.monitoring().prometheus().map(p -> p.url().toString()).orElse(null);
            }
            if (url == null) {
                return new PodScrapeMetricProvider(client);
            }
            PrometheusConfig config = PrometheusConfig.of(url);
            if (connection.prometheusTokenFile != null) {
                config = config.withBearerTokenFile(connection.prometheusTokenFile);
            }
            return new PrometheusMetricProvider(config);
        }
    }

    /** {@code canary deploy}. */
    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = {"Start a canary of IMAGE on the Deployment and run it to its end: promoted (exit 0) or "
                    + "rolled back (exit 1), with progress lines and the evidence of every analysis."})
    static final class Deploy extends CanarySubcommand {
        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The new image.")
        String image;

        @Option(names = "--plan", paramLabel = "FILE",
                description = "Rollout plan (YAML or JSON: steps of setWeight, pause, analysis). Default: "
                        + "deployment.strategies.canary.initial_weight, analysis, 50 %%, analysis, promote.")
        Path plan;

        @Option(names = "--container", paramLabel = "NAME", description = "The container to update (default: the "
                + "first).")
        String container;

        @Option(names = "--service", paramLabel = "NAME", description = "The Service in front of the Deployment "
                + "(default: the Deployment's name).")
        String service;

        @Option(names = "--thresholds", paramLabel = "PASS,MARGINAL", defaultValue = "95,75",
                description = "Score thresholds (default: ${DEFAULT-VALUE}).")
        String thresholds;

        @Option(names = "--progress-deadline", paramLabel = "DURATION", defaultValue = "10m",
                description = "How long a step may wait for pods before the rollout is rolled back (default: "
                        + "${DEFAULT-VALUE}).")
        String progressDeadline;

        @Option(names = "--detach", description = "Start the rollout and return; run it with 'canary resume'.")
        boolean detach;

        @Option(names = "--router", paramLabel = "TYPE[,KEY=VALUE...]", defaultValue = "replica",
                description = {"How traffic is split (default: ${DEFAULT-VALUE}, the share of pods, no mesh needed).",
                        "istio,virtualService=V[,route=R][,stableSubset=S,canarySubset=C]; "
                                + "gatewayApi,httpRoute=H[,canaryService=S]; nginx,ingress=I[,canaryService=S]."})
        String router;

        @Override
        int execute(RolloutEngine engine) throws Exception {
            String planText = planText();
            var spec = new CanarySpec(target.namespace, target.deployment, container, image,
                    service == null ? target.deployment : service, planText, AnalysisMetric.defaults(),
                    thresholds(thresholds), duration("--progress-deadline", progressDeadline), router(router));
            RolloutState started = engine.start(spec);
            if (detach) {
                show(started);
                return ExitCodes.OK;
            }
            return runToEnd(engine);
        }

        private String planText() throws IOException {
            if (plan == null) {
                int weight = config.deployment().strategies().canary().initialWeight();
                return PlanText.render(RolloutPlan.defaultPlan(weight));
            }
            try {
                String text = Files.readString(plan, StandardCharsets.UTF_8);
                RolloutPlanParser.parse(text, plan.toString());
                return text;
            } catch (NoSuchFileException e) {
                throw new UserException("--plan " + plan + ": no such file", ExitCodes.USAGE);
            }
        }
    }

    /** {@code canary status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show a rollout: phase, status, warnings and the evidence of every look."})
    static final class Status extends CanarySubcommand {
        @Override
        int execute(RolloutEngine engine) throws IOException {
            RolloutState state = engine.status(target.namespace, target.deployment).orElseThrow(() ->
                    new RolloutException("no canary rollout of " + target.namespace + "/" + target.deployment));
            show(state);
            return state.phase().isFinal() ? exitCode(state.phase()) : ExitCodes.OK;
        }
    }

    /** {@code canary abort}. */
    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = {"Roll back now: all traffic to the stable version, the canary scaled to zero."})
    static final class Abort extends CanarySubcommand {
        @Override
        int execute(RolloutEngine engine) throws Exception {
            engine.abort(target.namespace, target.deployment);
            return runToEnd(engine);
        }
    }

    /** {@code canary promote}. */
    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = {"End the current pause or analysis step now (with --full: skip every remaining step "
                    + "and promote)."})
    static final class Promote extends CanarySubcommand {
        @Option(names = "--full", description = "Skip all remaining steps and promote now.")
        boolean full;

        @Override
        int execute(RolloutEngine engine) throws Exception {
            RolloutState state = engine.promote(target.namespace, target.deployment, full);
            if (full) {
                return runToEnd(engine);
            }
            show(state);
            return ExitCodes.OK;
        }
    }

    /** {@code canary retry}. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Start a rolled-back, aborted or failed rollout again from its first step, and run it."})
    static final class Retry extends CanarySubcommand {
        @Override
        int execute(RolloutEngine engine) throws Exception {
            engine.retry(target.namespace, target.deployment);
            return runToEnd(engine);
        }
    }

    /** {@code canary resume}. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Carry on a rollout from the state in the cluster (after a stop, a crash, or from "
                    + "another machine) and run it to its end."})
    static final class Resume extends CanarySubcommand {
        @Override
        int execute(RolloutEngine engine) throws Exception {
            return runToEnd(engine);
        }
    }

    /** {@code istio,virtualService=shop,route=primary} as the router configuration the engine stores. */
    static java.util.Map<String, Object> router(String text) {
        var config = new java.util.LinkedHashMap<String, Object>();
        String[] parts = text.split(",");
        config.put("type", parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals <= 0) {
                throw new UserException("--router '" + text + "': '" + parts[i] + "' is not KEY=VALUE",
                        ExitCodes.USAGE);
            }
            config.put(parts[i].substring(0, equals).trim(), parts[i].substring(equals + 1).trim());
        }
        // Validated here, before anything reaches the cluster; the engine builds the same router from the map.
        io.aidevops.deploy.traffic.TrafficRouters.fromConfig(config);
        return config;
    }

    static int exitCode(RolloutPhase phase) {
        return switch (phase) {
            case PROMOTED -> ExitCodes.OK;
            case ROLLED_BACK, ABORTED -> ExitCodes.DECLINED;
            case FAILED -> ExitCodes.INFRASTRUCTURE;
            default -> ExitCodes.OK;
        };
    }

    static Thresholds thresholds(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new Thresholds(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new UserException("--thresholds '" + text + "' must be PASS,MARGINAL, e.g. 95,75",
                    ExitCodes.USAGE);
        } catch (IllegalArgumentException e) {
            throw new UserException("--thresholds: " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** A duration like 30s, 5m, 1h or 1m30s, as plans write them. */
    static Duration duration(String option, String text) {
        return DurationText.parse(text).filter(d -> !d.isZero() && !d.isNegative())
                .orElseThrow(() -> new UserException(option + " '" + text + "' is not a duration such as 30s, 5m, "
                        + "1h or 1m30s", ExitCodes.USAGE));
    }
}
