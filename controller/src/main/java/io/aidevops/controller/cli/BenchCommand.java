package io.aidevops.controller.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.evaluation.CanaryBenchmark;
import io.aidevops.ai.canary.evaluation.EvaluationReport;
import io.aidevops.ai.canary.evaluation.EvaluationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops bench canary}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the suite's decisions on generated, labelled data.",
        subcommands = BenchCommand.Canary.class)
final class BenchCommand {

    /** {@code bench canary}. */
    @Command(name = "canary", mixinStandardHelpOptions = true,
            description = {"Run the suite's canary judge and a Kayenta-equivalent one over a labelled corpus of "
                    + "rollouts (A/A runs under realistic noise; latency, tail, error, spread, late, one-pod and "
                    + "leak regressions of known size) and report false positives per rollout, power curves and "
                    + "looks to rollback, judging at the end only, at every look, and with the rollback forecast.",
                    "The corpus is generated from --seed, so a run is reproducible; nothing is read or written."})
    static final class Canary extends Subcommand implements Callable<Integer> {
        @Option(names = "--rollouts", defaultValue = "" + CanaryBenchmark.DEFAULT_ROLLOUTS, paramLabel = "N",
                description = "Rollouts per regression scenario and size, 10 to 10000; A/A runs are five times "
                        + "as many (default: ${DEFAULT-VALUE}).")
        int rollouts;

        @Option(names = "--seed", defaultValue = "" + CanaryBenchmark.DEFAULT_SEED, paramLabel = "SEED",
                description = "Seed of the corpus (default: ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            if (rollouts < 10 || rollouts > 10_000) {
                throw new UserException("--rollouts must be from 10 to 10000, was " + rollouts, ExitCodes.USAGE);
            }
            var err = context().err();
            long start = System.nanoTime();
            int[] shown = {-1};
            EvaluationReport report = CanaryBenchmark.run(rollouts, seed,
                    List.of(new AdaptiveJudge(), new KayentaJudge()), percent -> {
                        if (percent / 10 != shown[0]) {
                            shown[0] = percent / 10;
                            err.print(percent + "% ");
                            err.flush();
                        }
                    });
            err.printf("%n%d rollouts judged in %.1f s%n", report.rollouts(), (System.nanoTime() - start) / 1e9);
            if (format.json()) {
                Output.json(context().out(), report);
            } else {
                context().out().print(EvaluationText.render(report));
            }
            context().out().flush();
            return ExitCodes.OK;
        }
    }
}
