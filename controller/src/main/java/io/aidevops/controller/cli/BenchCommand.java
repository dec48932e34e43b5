package io.aidevops.controller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.evaluation.CanaryBenchmark;
import io.aidevops.ai.canary.evaluation.EvaluationReport;
import io.aidevops.ai.canary.evaluation.EvaluationText;
import io.aidevops.ai.forecast.ForecastEvaluation;
import io.aidevops.ai.forecast.ForecastReport;
import io.aidevops.ai.forecast.SeriesEvaluation;
import io.aidevops.controller.nab.NabCorpus;
import io.aidevops.controller.nab.TimeSeriesCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops bench canary} and {@code aidevops bench forecast}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the suite's decisions on generated, labelled data and on the NAB corpus.",
        subcommands = {BenchCommand.Canary.class, BenchCommand.Forecast.class, BenchCommand.Monitor.class})
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

    /** {@code bench forecast}. */
    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = {"Measure the suite's forecaster against the last-value and seasonal naive forecasts on "
                    + "every series of the NAB corpus: each is trained on its first 85 %% and forecast over the rest "
                    + "one step ahead, 12 steps ahead (rolling) and as a whole; sMAPE per series and the mean over "
                    + "series.", "Progress on standard error."})
    static final class Forecast extends Subcommand implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "The NAB folder holding data/ and labels/combined_windows.json.")
        Path data;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws Exception {
            var err = context().err();
            long start = System.nanoTime();
            List<SeriesEvaluation> series = new ArrayList<>();
            try {
                NabCorpus nab = NabCorpus.read(context().workingDirectory().resolve(data));
                List<String> files = nab.files();
                for (String name : files) {
                    TimeSeriesCsv csv = TimeSeriesCsv.read(nab.root().resolve("data").resolve(name), false);
                    try {
                        series.add(ForecastEvaluation.series(name, csv.epochSeconds(), csv.values()));
                    } catch (IllegalArgumentException e) {
                        throw new UserException(e.getMessage(), ExitCodes.USAGE);
                    }
                    if (series.size() % 10 == 0 || series.size() == files.size()) {
                        err.print(series.size() + "/" + files.size() + " files ");
                        err.flush();
                    }
                }
            } catch (NabCorpus.NabFormatException e) {
                throw new UserException(e.getMessage(), ExitCodes.USAGE);
            }
            err.printf("%n%d series forecast in %.1f s%n", series.size(), (System.nanoTime() - start) / 1e9);
            ForecastReport report = ForecastEvaluation.report(series);
            if (format.json()) {
                Output.json(context().out(), report);
            } else {
                context().out().print(ForecastEvaluation.text(report));
            }
            context().out().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code bench monitor}. */
    @Command(name = "monitor", mixinStandardHelpOptions = true,
            description = {"Measure how many series one monitor holds: the monitor's metric path (a detector and a "
                    + "ring of recent values per series, limit forecasts, alerts) fed by a simulated source for "
                    + "--passes passes on one thread. Reports CPU per pass against the interval, points per CPU "
                    + "second, and the heap that stays in use.",
                    "Run with a heap limit to check a memory budget: AIDEVOPS_JAVA_OPTS=-Xmx512m ./aidevops bench "
                            + "monitor. Progress on standard error."})
    static final class Monitor extends Subcommand implements Callable<Integer> {
        @Option(names = "--series", defaultValue = "100000", paramLabel = "N",
                description = "Series to hold, 10 to 10000000 (default: ${DEFAULT-VALUE}).")
        int series;

        @Option(names = "--interval", defaultValue = "15", paramLabel = "SECONDS",
                description = "Simulated seconds between passes (default: ${DEFAULT-VALUE}).")
        int interval;

        @Option(names = "--passes", defaultValue = "300", paramLabel = "N",
                description = "Passes in all; the first 200 warm the detectors up and are not timed "
                        + "(default: ${DEFAULT-VALUE}).")
        int passes;

        @Option(names = "--detector", defaultValue = io.aidevops.ai.anomaly.Detectors.DEFAULT, paramLabel = "NAME",
                description = "The detector of every series (default: ${DEFAULT-VALUE}).")
        String detector;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() {
            if (series < 10 || series > 10_000_000) {
                throw new UserException("--series must be from 10 to 10000000, was " + series, ExitCodes.USAGE);
            }
            if (interval < 1 || passes < 201) {
                throw new UserException("--interval must be at least 1 and --passes at least 201", ExitCodes.USAGE);
            }
            try {
                io.aidevops.ai.anomaly.Detectors.descriptor(detector);
            } catch (IllegalArgumentException e) {
                throw new UserException("--detector: " + e.getMessage(), ExitCodes.USAGE);
            }
            var err = context().err();
            int[] shown = {-1};
            var result = io.aidevops.controller.bench.MonitorCapacity.run(series, java.time.Duration.ofSeconds(
                    interval), passes, 200, detector, 20260101L, percent -> {
                        if (percent / 10 != shown[0]) {
                            shown[0] = percent / 10;
                            err.print(percent + "% ");
                            err.flush();
                        }
                    });
            err.println();
            var out = context().out();
            if (format.json()) {
                Output.json(out, result);
            } else {
                out.printf(java.util.Locale.ROOT, "%,d series (detector %s), %d passes every %d s, the last %d timed%n",
                        result.series(), result.detector(), result.passes(), interval,
                        result.passes() - result.warmUpPasses());
                out.printf(java.util.Locale.ROOT, "CPU per pass   %.0f ms mean, %.0f ms worst: %.1f %% of one core "
                        + "at this interval%n", result.cpuMillisPerPass(), result.worstCpuMillisPerPass(),
                        100 * result.shareOfOneCore());
                out.printf(java.util.Locale.ROOT, "throughput     %,.0f points per CPU second%n",
                        result.pointsPerSecond());
                out.printf(java.util.Locale.ROOT, "heap in use    %.0f MiB after a full GC (%.0f bytes per series), "
                        + "limit %.0f MiB%n", result.heapUsedMiB(), result.heapPerSeriesBytes(), result.maxHeapMiB());
                out.printf("alerts raised  %d (level shifts injected into %d series): %s%n", result.alertsRaised(),
                        result.injectedAnomalies(), result.alertsByKindAndMetric());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
