package io.aidevops.controller.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.aidevops.controller.config.ConfigLoader;
import io.aidevops.controller.status.ComponentStatus;
import io.aidevops.controller.status.Health;
import io.aidevops.controller.status.HttpProbe;
import io.aidevops.controller.status.StatusInspector;
import io.aidevops.controller.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Check the environment, the configuration and the Kubernetes cluster.",
                "Exit 0 healthy, 1 degraded (something needed is unreachable), 2 unusable (invalid configuration)."})
final class StatusCommand extends Subcommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "Also show each component's state and the evidence.")
    boolean verbose;

    @picocli.CommandLine.Mixin
    FormatOption format;

    @Override
    public Integer call() {
        var report = inspect(ConfigAttempt.of(root()), root(), context());
        if (format.json()) {
            Output.json(context().out(), report);
        } else {
            print(report, verbose, context().out());
        }
        return report.health().exitCode();
    }

    /** The report for a configuration, or an unusable one naming why it could not be loaded. */
    static StatusReport inspect(ConfigAttempt attempt, AidevopsCommand root, CliContext context) {
        if (attempt.loaded().isPresent()) {
            return new StatusInspector(context.clusterTargets(), new HttpProbe(Duration.ofSeconds(2)))
                    .inspect(attempt.loaded().get(), Optional.empty());
        }
        var environment = Optional.ofNullable(context.environment().get(ConfigLoader.ENV_VARIABLE))
                .orElse(ConfigLoader.DEFAULT_ENVIRONMENT);
        var source = root.loader().configPath(Optional.ofNullable(root.configFile));
        return StatusInspector.unusable(attempt.problem().orElseThrow(), environment,
                Cli.shown(context, source).toString());
    }

    static void print(StatusReport report, boolean verbose, PrintWriter out) {
        out.println("AI DevOps Suite " + report.version() + ": " + report.health());
        out.println("  environment    " + report.environment());
        out.println("  configuration  " + report.configSource());
        var k = report.kubernetes();
        if (k.health() == Health.HEALTHY) {
            out.println("  kubernetes     up, server " + k.serverVersion() + " (" + k.target() + ")");
            out.println("  namespaces     " + (k.namespaces().isEmpty() ? "(not listable by this identity)"
                    : String.join(", ", k.namespaces())));
        } else {
            out.println("  kubernetes     " + k.problem());
            out.println("                 hint: " + k.hint());
        }
        if (report.health() == Health.UNUSABLE) {
            report.components().stream().filter(c -> c.health() == Health.UNUSABLE)
                    .forEach(c -> out.println("  " + c.name() + "  " + c.detail()));
        }
        if (verbose) {
            out.println();
            out.println("  java           " + report.java());
            out.println("  os             " + report.os());
            out.println();
            out.println(String.format("  %-14s %-9s %-18s %s", "COMPONENT", "HEALTH", "STATE", "EVIDENCE"));
            for (ComponentStatus c : report.components()) {
                out.println(String.format("  %-14s %-9s %-18s %s", c.name(), c.health(), c.state(), c.detail()));
            }
        }
    }
}
