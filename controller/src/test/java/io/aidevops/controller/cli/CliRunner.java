package io.aidevops.controller.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.aidevops.controller.kube.ClusterTargets;

/** Runs the real command line in-process against a folder of its own, capturing what it prints. */
final class CliRunner {
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    /** The commands' clock: fixed unless a test needs time to pass (a canary's analysis). */
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    CliRunner(Path dir) {
        this.dir = dir;
    }

    /** The outcome of one command. */
    record Result(int exitCode, String out, String err) {
    }

    CliContext context(StringWriter out, StringWriter err) {
        // No $KUBECONFIG, an empty home and no service account: tests never touch the developer's cluster.
        var targets = new ClusterTargets(env, dir.resolve("home"), dir.resolve("no-service-account-token"));
        return new CliContext(env, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                clock, targets);
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var code = Cli.run(context(out, err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
