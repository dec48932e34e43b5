package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aidevops.ai.resources.ResourceAdvice;
import io.aidevops.ai.resources.ResourceAdvisor;
import io.aidevops.ai.resources.ResourceInput;
import io.aidevops.ai.resources.ResourceRecommendation;
import io.aidevops.ai.strategy.Autoscaler;
import io.aidevops.ai.strategy.Coexistence;
import io.aidevops.ai.strategy.Criticality;
import io.aidevops.ai.strategy.RolloutHistory;
import io.aidevops.ai.strategy.StrategyAdvisor;
import io.aidevops.ai.strategy.TrafficRouter;
import io.aidevops.controller.advise.ResourceInputReader;
import io.aidevops.controller.advise.ResourceView;
import io.aidevops.controller.advise.StrategyRequest;
import io.aidevops.controller.advise.StrategyView;
import io.aidevops.controller.advise.WorkloadFacts;
import io.aidevops.controller.config.ConfigException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aidevops advise strategy|resources}: the advisors of shared-ai, without a rollout. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Advice before a release: which deployment strategy and steps, which requests and limits.",
                "Pure computation from the figures you give; 'strategy' can read some of them from a cluster."},
        subcommands = {AdviseCommand.Strategy.class, AdviseCommand.Resources.class})
final class AdviseCommand {

    /** {@code advise strategy}. */
    @Command(name = "strategy", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Recommend a deployment strategy (canary, blue-green, rolling, recreate) and its step "
                    + "plan, with every strategy's score and why the others lost.",
                    "A canary plan is also printed in the plan file format of 'aidevops canary deploy --plan'; "
                            + "--plan-out FILE saves it.",
                    "With --deployment the replicas, the HPA and the canary history are read from the cluster; "
                            + "flags given as well win."},
            footer = {"", "Examples:",
                    "  aidevops advise strategy --replicas 6 --rps 40 --criticality high",
                    "  aidevops advise strategy --replicas 4 --rps 200 --router istio --plan-out plan.yaml",
                    "  aidevops advise strategy -n shop --deployment frontend --rps 120"})
    static final class Strategy extends Subcommand implements Callable<Integer> {
        @Option(names = "--replicas", paramLabel = "N",
                description = "The workload's replicas (required unless --deployment reads them).")
        Integer replicas;

        @Option(names = "--rps", required = true, paramLabel = "R",
                description = "Requests per second the whole workload serves.")
        double rps;

        @Option(names = "--hpa", paramLabel = "MIN:MAX", description = "Bounds of the HPA that scales it.")
        String hpa;

        @Option(names = "--router", paramLabel = "none|istio|gateway-api|nginx",
                description = "Layer-7 traffic router in front of it (default: none; the weight follows pod "
                        + "counts).")
        String router;

        @Option(names = "--criticality", paramLabel = "low|medium|high|critical",
                description = "How much a bad release hurts (default: medium).")
        String criticality;

        @Option(names = "--history", paramLabel = "ROLLOUTS:ROLLED_BACK",
                description = "Recent rollouts and how many were rolled back, e.g. 20:5.")
        String history;

        @Option(names = "--coexistence", paramLabel = "supported|schema-migration|singleton",
                description = "Whether two versions may serve at once (default: supported).")
        String coexistence;

        @Option(names = "--stateful", description = "The workload keeps state in volumes.")
        boolean stateful;

        @Option(names = "--spare-pods", paramLabel = "N",
                description = "Extra pods the cluster and quota can hold during the rollout (default: as many as "
                        + "replicas).")
        Integer sparePods;

        @Option(names = "--deployment", paramLabel = "NAME",
                description = "Read replicas, HPA and canary history of this Deployment from the cluster.")
        String deployment;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
                description = "Its namespace (default: kubernetes.namespace of the configuration).")
        String namespace;

        @Option(names = "--kubeconfig", paramLabel = "FILE",
                description = "Kubeconfig to use instead of the configured cluster.")
        Path kubeconfig;

        @Option(names = "--plan-out", paramLabel = "FILE", description = "Write the canary plan file to FILE.")
        Path planOut;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws Exception {
            WorkloadFacts facts = deployment == null ? null : readCluster();
            if (deployment == null && namespace != null) {
                throw new UserException("-n/--namespace is only used with --deployment", ExitCodes.USAGE);
            }
            if (replicas == null && facts == null) {
                throw new UserException("--replicas is required (or --deployment to read it from a cluster)",
                        ExitCodes.USAGE);
            }
            StrategyRequest request;
            try {
                request = new StrategyRequest(replicas != null ? replicas : facts.replicas(), rps,
                        hpa != null ? StrategyRequest.autoscaler(hpa, "--hpa") : facts == null ? null
                                : facts.autoscaler(),
                        choice(TrafficRouter.class, router, "--router", TrafficRouter.NONE),
                        choice(Criticality.class, criticality, "--criticality", Criticality.MEDIUM),
                        history != null ? StrategyRequest.history(history, "--history")
                                : facts == null ? RolloutHistory.NONE : facts.history(),
                        choice(Coexistence.class, coexistence, "--coexistence", Coexistence.SUPPORTED), stateful,
                        sparePods);
            } catch (IllegalArgumentException e) {
                // The record names JSON fields; on the command line the same value came from a flag.
                throw new UserException(e.getMessage().replaceFirst("^(replicas|rps|spare_pods) ", "--$1 ")
                        .replace("--spare_pods", "--spare-pods"), ExitCodes.USAGE);
            }
            StrategyView view = StrategyView.of(StrategyAdvisor.recommend(request.profile()));
            PrintWriter out = context().out();
            if (format.json()) {
                if (facts != null) {
                    // Standard output holds only the JSON; where the figures came from is worth showing anyway.
                    context().err().println("From the cluster: " + String.join("; ", facts.notes()));
                }
                Output.json(out, view);
            } else {
                print(out, view, facts);
            }
            out.flush();
            if (planOut != null) {
                if (view.planFile() == null) {
                    throw new UserException("--plan-out: the recommendation is " + view.strategy() + "; the plan "
                            + "file format describes canary steps, so nothing was written", ExitCodes.DECLINED);
                }
                Path target = context().workingDirectory().resolve(planOut);
                try {
                    Files.writeString(target, view.planFile(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserException("--plan-out " + planOut + ": cannot write (" + e + ")",
                            ExitCodes.INFRASTRUCTURE);
                }
                (format.json() ? context().err() : out).println("plan written to " + Cli.shown(context(), target));
            }
            return ExitCodes.OK;
        }

        private WorkloadFacts readCluster() throws ConfigException {
            var config = root().loadConfig().config();
            String ns = namespace != null ? namespace : config.kubernetes().namespace();
            try (KubernetesClient client = ClusterClients.open(context(), config,
                    kubeconfig == null ? null : context().workingDirectory().resolve(kubeconfig))) {
                return WorkloadFacts.read(client, ns, deployment);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), ExitCodes.USAGE);
            } catch (KubernetesClientException e) {
                throw new UserException("Kubernetes API: " + (e.getStatus() != null && e.getStatus().getMessage()
                        != null ? e.getStatus().getMessage() : e.getMessage()), ExitCodes.INFRASTRUCTURE);
            }
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String text, String flag, E fallback) {
            return text == null ? fallback : StrategyRequest.choice(type, text, flag);
        }

        private static void print(PrintWriter out, StrategyView view, WorkloadFacts facts) {
            if (facts != null) {
                out.println("From the cluster: " + String.join("; ", facts.notes()));
            }
            out.printf(Locale.ROOT, "Recommended: %s (router %s); the plan holds the rollout for %s%n",
                    view.strategy(), view.router(), view.totalDuration());
            out.println("Steps:");
            for (int i = 0; i < view.steps().size(); i++) {
                out.printf(Locale.ROOT, "  %2d. %s%n", i + 1, view.steps().get(i).describe());
            }
            out.println("Scores:");
            for (StrategyView.Score score : view.scores()) {
                String points = score.feasible() ? String.valueOf(score.score()) : "-";
                out.printf(Locale.ROOT, "  %-11s %4s  %s%n", score.strategy(), points,
                        score.lostBecause() == null ? "recommended" : score.lostBecause());
            }
            list(out, "Why:", view.reasons());
            list(out, "Warnings:", view.warnings());
            if (view.planFile() != null) {
                out.println("Plan file (save it with --plan-out FILE):");
                out.print(view.planFile());
            } else {
                out.println("No plan file: 'aidevops canary deploy' runs canary plans, and the recommendation is "
                        + view.strategy() + ".");
            }
        }
    }

    /** {@code advise resources}. */
    @Command(name = "resources", mixinStandardHelpOptions = true,
            description = {"Recommend CPU and memory requests and limits from the usage a canary showed, with "
                    + "reasons, trend warnings and the requests freed or needed.",
                    "FILE is JSON: {\"interval\":\"15s\",\"replicas\":3,\"current\":{\"cpu_request\":\"250m\","
                            + "\"cpu_limit\":null,\"memory_request\":\"256Mi\",\"memory_limit\":\"512Mi\"},"
                            + "\"canary\":[{\"pod\":\"web-1\",\"cpu\":[cores...],\"memory\":[bytes...]}],"
                            + "\"baseline\":[...]}",
                    "Exit 0 advice given, 1 too few samples for either resource, 2 bad input."})
    static final class Resources extends Subcommand implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The usage; - for stdin.")
        String input;

        @Mixin
        FormatOption format;

        @Override
        public Integer call() throws IOException {
            ResourceInput parsed;
            try {
                parsed = ResourceInputReader.read(read());
            } catch (IllegalArgumentException e) {
                throw new UserException("--input " + input + ": " + e.getMessage(), ExitCodes.USAGE);
            }
            ResourceAdvice advice = ResourceAdvisor.recommend(parsed);
            PrintWriter out = context().out();
            if (format.json()) {
                Output.json(out, ResourceView.of(advice));
            } else {
                print(out, parsed, advice);
            }
            out.flush();
            boolean none = !advice.cpu().sufficientData() && !advice.memory().sufficientData();
            return none ? ExitCodes.DECLINED : ExitCodes.OK;
        }

        private String read() throws IOException {
            if ("-".equals(input)) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                return Files.readString(context().workingDirectory().resolve(input), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserException("--input " + input + ": no such file", ExitCodes.USAGE);
            } catch (MalformedInputException e) {
                throw new UserException("--input " + input + ": not UTF-8 text", ExitCodes.USAGE);
            }
        }

        private static void print(PrintWriter out, ResourceInput input, ResourceAdvice advice) {
            out.printf(Locale.ROOT, "Resource advice for %d %s (canary: %d %s)%n", input.replicas(),
                    input.replicas() == 1 ? "replica" : "replicas", input.canary().size(),
                    input.canary().size() == 1 ? "pod" : "pods");
            for (ResourceRecommendation r : List.of(advice.cpu(), advice.memory())) {
                out.printf(Locale.ROOT, "  %-7s request %-28s limit %s%n", r.kind().label(), r.request().describe(),
                        r.limit().describe());
            }
            out.println("  savings " + advice.savings().describe());
            for (ResourceRecommendation r : List.of(advice.cpu(), advice.memory())) {
                list(out, "Why (" + r.kind().label() + "):", r.reasons());
            }
            list(out, "Compared:", advice.reasons());
            list(out, "Warnings:", advice.allWarnings());
        }
    }

    private static void list(PrintWriter out, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println(heading);
        items.forEach(item -> out.println("  - " + item));
    }
}
