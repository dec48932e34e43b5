package io.aidevops.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.aidevops.controller.kube.ClusterTargets;

/**
 * What a command may touch of the outside world, passed in so tests run every command in-process with their own
 * environment, folder, clock and captured output.
 *
 * @param environment      environment variables
 * @param workingDirectory the folder relative paths are taken from
 * @param out              standard output: the command's result
 * @param err              standard error: progress, warnings and errors
 * @param clock            the time
 * @param clusterTargets   how a Kubernetes cluster is found
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
                         Clock clock, ClusterTargets clusterTargets) {

    /** Without the environment's values: they may hold secrets, and a record prints every component. */
    @Override
    public String toString() {
        return "CliContext[workingDirectory=" + workingDirectory + ", " + environment.size() + " variables]";
    }

    /** @return the context of this process */
    public static CliContext forThisProcess() {
        return new CliContext(System.getenv(), Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), Clock.systemUTC(),
                ClusterTargets.forThisProcess());
    }
}
