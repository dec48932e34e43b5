package io.aidevops.benchmarks;

import java.util.List;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.evaluation.CanaryBenchmark;
import io.aidevops.ai.canary.evaluation.EvaluationReport;
import io.aidevops.ai.canary.evaluation.EvaluationText;

/**
 * Runs the standard canary benchmark with the suite's judge and the Kayenta-equivalent one and prints its tables.
 * It lives here, not beside {@link CanaryBenchmark}, because the judges' packages do no I/O and read no clock.
 */
public final class CanaryBenchmarkMain {

    private CanaryBenchmarkMain() {
    }

    /**
     * Prints the report on standard output and the progress and time on standard error.
     *
     * @param args optional: rollouts per scenario (default {@value CanaryBenchmark#DEFAULT_ROLLOUTS}), seed
     *        (default {@value CanaryBenchmark#DEFAULT_SEED})
     */
    public static void main(String[] args) {
        int rollouts = args.length > 0 ? Integer.parseInt(args[0]) : CanaryBenchmark.DEFAULT_ROLLOUTS;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : CanaryBenchmark.DEFAULT_SEED;
        long start = System.nanoTime();
        EvaluationReport report = CanaryBenchmark.run(rollouts, seed, List.of(new AdaptiveJudge(), new KayentaJudge()),
                percent -> {
                    if (percent % 10 == 0) {
                        System.err.print(percent + "% ");
                    }
                });
        System.err.printf("%n%d rollouts in %.1f s%n", report.rollouts(), (System.nanoTime() - start) / 1e9);
        System.out.print(EvaluationText.render(report));
    }
}
