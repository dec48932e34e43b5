package io.aidevops.ai.canary.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import io.aidevops.ai.canary.CanaryJudge;

/**
 * The standard canary benchmark: a fixed catalogue of A/A and regression scenarios, generated from a seed and judged
 * by each judge end-only, sequentially and sequentially with the rollback forecast.
 *
 * <p>The catalogue (with {@code n} rollouts per scenario): A/A with 2 baseline and 2 canary pods ({@code 3n}) and with
 * 3 and 1 ({@code 2n}); latency shifts x1.05 to x2; tail-only p99 growth x1.05 to x2; errors +0.1 to +5 percentage
 * points on a zero and on a 0.2 % baseline; spread x1.25 to x3; late onset x1.5 and x2 from look 3; one bad pod of two
 * x1.5 to x4; memory growth 10 % to 60 % over the rollout. Every regression runs on 2/2 pods: 60 points per side at
 * the final look. Pure computation like the rest of {@code io.aidevops.ai}; the command-line entry that prints it is
 * {@code io.aidevops.benchmarks.CanaryBenchmarkMain} in the benchmarks module.
 */
public final class CanaryBenchmark {

    /** Rollouts per scenario of a full run: 1,000 A/A rollouts and 200 per bad family and size. */
    public static final int DEFAULT_ROLLOUTS = 200;

    /** The seed of the published figures. */
    public static final long DEFAULT_SEED = 20_260_101L;

    private CanaryBenchmark() {
    }

    /**
     * Generates the standard corpus and evaluates the judges on it.
     *
     * @param rolloutsPerScenario rollouts per regression scenario (A/A gets five times as many)
     * @param seed the corpus's seed: the same seed gives the same corpus and the same report
     * @param judges the judges to compare
     * @param progress told the per cent done (0 to 100) each time it grows; may be null
     */
    public static EvaluationReport run(int rolloutsPerScenario, long seed, List<CanaryJudge> judges,
            IntConsumer progress) {
        Objects.requireNonNull(judges, "judges");
        return CanaryEvaluation.evaluate(corpus(rolloutsPerScenario, seed, GeneratorSettings.DEFAULT),
                judges.stream().map(CanaryEvaluation.Contender::of).toList(), progress);
    }

    /** The standard corpus with the given settings. */
    public static Corpus corpus(int rolloutsPerScenario, long seed, GeneratorSettings settings) {
        if (rolloutsPerScenario < 1) {
            throw new IllegalArgumentException("rolloutsPerScenario must be at least 1, but is "
                    + rolloutsPerScenario);
        }
        String description = String.format("standard catalogue, %d rollouts per scenario (A/A x5), %d looks of %d s,"
                + " a point per pod every %d s", rolloutsPerScenario, settings.looks(), settings.secondsPerLook(),
                settings.scrapeSeconds());
        return Corpus.generated(new ScenarioGenerator(settings, seed), plan(rolloutsPerScenario), seed, description);
    }

    /** The catalogue: every spec with its number of rollouts. */
    public static List<Corpus.Entry> plan(int rolloutsPerScenario) {
        List<Corpus.Entry> plan = new ArrayList<>();
        plan.add(new Corpus.Entry(ScenarioSpec.aa(2, 2), 3 * rolloutsPerScenario));
        plan.add(new Corpus.Entry(ScenarioSpec.aa(3, 1), 2 * rolloutsPerScenario));
        add(plan, ScenarioFamily.LATENCY_SHIFT, rolloutsPerScenario, 1.05, 1.1, 1.25, 1.5, 2);
        add(plan, ScenarioFamily.LATENCY_TAIL, rolloutsPerScenario, 1.05, 1.1, 1.25, 1.5, 2);
        add(plan, ScenarioFamily.ERROR_FROM_ZERO, rolloutsPerScenario, 0.001, 0.005, 0.01, 0.05);
        add(plan, ScenarioFamily.ERROR_FROM_BASE, rolloutsPerScenario, 0.001, 0.005, 0.01, 0.05);
        add(plan, ScenarioFamily.VARIANCE, rolloutsPerScenario, 1.25, 1.5, 2, 3);
        add(plan, ScenarioFamily.LATE_ONSET, rolloutsPerScenario, 1.5, 2);
        add(plan, ScenarioFamily.BAD_POD, rolloutsPerScenario, 1.5, 2, 4);
        add(plan, ScenarioFamily.MEMORY_LEAK, rolloutsPerScenario, 0.1, 0.3, 0.6);
        return plan;
    }

    private static void add(List<Corpus.Entry> plan, ScenarioFamily family, int rollouts, double... sizes) {
        for (double size : sizes) {
            plan.add(new Corpus.Entry(new ScenarioSpec(family, size, 2, 2), rollouts));
        }
    }
}
