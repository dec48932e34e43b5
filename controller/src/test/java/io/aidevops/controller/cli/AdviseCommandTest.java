package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.cluster.EmbeddedCluster;
import io.aidevops.cluster.EmbeddedClusterOptions;
import io.aidevops.cluster.SimulatedClock;
import io.aidevops.controller.testing.RolloutFixtures;
import io.aidevops.deploy.plan.Analysis;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.RolloutPlanParser;
import io.aidevops.deploy.plan.SetWeight;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdviseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    @Test
    void strategyPrintsTheStepsEveryScoreWhyTheOthersLostAndThePlanFile() {
        var result = cli.run("advise", "strategy", "--replicas", "6", "--rps", "40", "--criticality", "high");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Recommended: canary (router none); the plan holds the rollout for 33m",
                " 1. setWeight 14", " 3. analysis 10m", "10. setWeight 100",
                "canary        65  recommended",
                "blue-green    50  15 points behind canary",
                "rolling       25  40 points behind canary; mainly -10 high criticality: a rolling update has no "
                        + "analysis gate",
                "6 replicas: a 5 % weight can only be approximated (1:6 = 14.3 %)",
                "Plan file (save it with --plan-out FILE):",
                "steps:\n  - setWeight: 14\n  - pause: {duration: 1m}\n  - analysis: {interval: 1m, looks: 10}\n");
        assertThat(result.out()).doesNotContain("setWeight: 100");
    }

    @Test
    void strategyAsJsonHasTheRecommendationScoresAndAPlanFileThatCanaryDeployReads() throws Exception {
        var result = cli.run("advise", "strategy", "--replicas", "4", "--rps", "200", "--router", "istio",
                "--hpa", "4:10", "--criticality", "high", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode view = JSON.readTree(result.out());
        assertThat(view.get("strategy").asText()).isEqualTo("canary");
        assertThat(view.get("router").asText()).isEqualTo("istio");
        assertThat(view.get("totalDuration").asText()).isEqualTo("44m");
        JsonNode first = view.get("steps").get(0);
        assertThat(first.get("type").asText()).isEqualTo("setWeight");
        assertThat(first.get("weight").asInt()).isEqualTo(5);
        assertThat(first.has("duration")).as("absent rather than null").isFalse();
        assertThat(view.get("steps").get(2).get("duration").asText()).isEqualTo("10m");
        assertThat(view.get("scores")).hasSize(4);
        assertThat(view.at("/scores/0/strategy").asText()).isEqualTo("canary");
        assertThat(view.at("/scores/0/lostBecause").isNull()).isTrue();
        assertThat(view.at("/scores/0/contributions/1/reason").asText()).contains("istio routes by request");
        assertThat(view.at("/scores/1/lostBecause").asText()).contains("points behind canary");
        assertThat(view.get("reasons").toString()).contains("HPA min 4 max 10");
        assertThat(view.get("warnings").isArray()).isTrue();

        RolloutPlan plan = RolloutPlanParser.parse(view.get("planFile").asText(), "planFile");
        assertThat(plan.steps()).filteredOn(SetWeight.class::isInstance).extracting(s -> ((SetWeight) s).weight())
                .containsExactly(5, 10, 25, 50);
        assertThat(plan.steps()).filteredOn(Analysis.class::isInstance)
                .allSatisfy(a -> assertThat(((Analysis) a).duration()).hasMinutes(10));
        assertThat(plan.analysisLooks()).isEqualTo(40);
        assertThat(view.get("planFile").asText()).contains("assume traffic router istio");
    }

    @Test
    void planOutWritesThePlanFile() throws Exception {
        var result = cli.run("advise", "strategy", "--replicas", "10", "--rps", "500", "--plan-out", "plan.yaml");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("plan written to plan.yaml");
        String written = Files.readString(dir.resolve("plan.yaml"));
        assertThat(result.out()).contains(written);
        assertThat(RolloutPlanParser.parse(written, "plan.yaml").steps()).hasSize(9);
    }

    @Test
    void planOutIsDeclinedWhenTheRecommendationIsNotACanary() {
        var result = cli.run("advise", "strategy", "--replicas", "3", "--rps", "50", "--coexistence",
                "schema-migration", "--plan-out", "plan.yaml");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(result.out()).contains("Recommended: recreate", "canary         -  ruled out: the new version "
                + "migrates the database schema", "No plan file");
        assertThat(result.err()).contains("--plan-out: the recommendation is recreate");
        assertThat(dir.resolve("plan.yaml")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--hpa 5-3                        | --hpa is \"5-3\"; expected MIN:MAX, e.g. 3:12",
        "--hpa 5:3                        | --hpa 5:3: maxReplicas must be at least minReplicas (5), but was 3",
        "--router envoy                   | --router is \"envoy\"; allowed: istio, gateway-api, nginx, none",
        "--criticality extreme            | --criticality is \"extreme\"; allowed: low, medium, high, critical",
        "--history 3:5                    | --history 3:5: rolledBack must be 0 to rollouts (3), but was 5",
        "--coexistence never              | --coexistence is \"never\"; allowed: supported, schema-migration, singleton",
        "--spare-pods -1                  | --spare-pods is -1; expected at least 0",
        "--replicas 0                     | --replicas is 0; expected at least 1",
        "--rps -5                         | --rps is -5.0; expected a number of at least 0",
        "--namespace shop                 | -n/--namespace is only used with --deployment"})
    void badFlagsAreUsageErrorsNamingTheFlag(String flags, String message) {
        var given = Arrays.asList(flags.trim().split(" "));
        var args = new java.util.ArrayList<>(java.util.List.of("advise", "strategy"));
        if (!given.contains("--replicas")) {
            args.addAll(java.util.List.of("--replicas", "3"));
        }
        if (!given.contains("--rps")) {
            args.addAll(java.util.List.of("--rps", "10"));
        }
        args.addAll(given);

        var result = cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("error: " + message);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void replicasAndRpsAreRequired() {
        var noReplicas = cli.run("advise", "strategy", "--rps", "10");
        assertThat(noReplicas.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReplicas.err()).contains("--replicas is required (or --deployment to read it from a cluster)");

        var noRps = cli.run("advise", "strategy", "--replicas", "3");
        assertThat(noRps.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRps.err()).contains("Missing required option: '--rps=R'");
    }

    @Test
    void helpDescribesBothAdvisors() {
        var advise = cli.run("advise", "--help");
        assertThat(advise.exitCode()).isZero();
        assertThat(advise.out()).contains("strategy", "resources");

        var strategy = cli.run("advise", "strategy", "--help");
        assertThat(strategy.exitCode()).isZero();
        assertThat(strategy.out()).contains("--hpa=MIN:MAX", "--router=none|istio|gateway-api|nginx",
                "--history=ROLLOUTS:ROLLED_BACK", "--plan-out=FILE", "--deployment=NAME", "Examples:");

        var resources = cli.run("advise", "resources", "--help");
        assertThat(resources.exitCode()).isZero();
        assertThat(resources.out()).contains("--input=FILE", "cpu_request", "Exit 0 advice given");

        assertThat(cli.run("--help").out()).contains("advise");
    }

    @Test
    void readsReplicasAutoscalerAndHistoryOfADeploymentFromTheCluster() throws Exception {
        try (var cluster = EmbeddedCluster.start(EmbeddedClusterOptions.stepped(
                SimulatedClock.startingAt(CliRunner.NOW)))) {
            var client = cluster.client();
            RolloutFixtures.deployment(client, "default", "web", 4);
            RolloutFixtures.autoscaler(client, "default", "web", 4, 10);
            RolloutFixtures.rolledBack(client, "default", "web", 3, CliRunner.NOW);
            cluster.writeKubeconfig(dir.resolve("kubeconfig"));

            var result = cli.run("advise", "strategy", "--deployment", "web", "-n", "default", "--kubeconfig",
                    "kubeconfig", "--rps", "100");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("From the cluster: replicas 4 from Deployment default/web; HPA min 4 "
                    + "max 10; history 3 finished canary attempt(s), 3 not promoted, from ConfigMap "
                    + "web-aidevops-canary", "3 of the last 3 rollouts were rolled back", "HPA min 4 max 10");

            var flagsWin = cli.run("advise", "strategy", "--deployment", "web", "-n", "default", "--kubeconfig",
                    "kubeconfig", "--rps", "100", "--replicas", "8", "--history", "0:0", "--format", "json");
            assertThat(flagsWin.exitCode()).as(flagsWin.err()).isZero();
            assertThat(flagsWin.out()).doesNotContain("rollouts were rolled back").contains("8 replicas");
            assertThat(flagsWin.err()).contains("From the cluster: replicas 4");

            var missing = cli.run("advise", "strategy", "--deployment", "nope", "-n", "default", "--kubeconfig",
                    "kubeconfig", "--rps", "100");
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).contains("no Deployment default/nope");
        }
    }

    @Test
    void aDeploymentWithoutAClusterIsAnInfrastructureError() {
        var result = cli.run("advise", "strategy", "--deployment", "web", "--rps", "100");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.err()).contains("error: ");
    }

    @Test
    void resourcesPrintsRecommendationsReasonsTrendWarningsAndSavings() throws Exception {
        Path input = write("usage.json", usage(true));

        var result = cli.run("advise", "resources", "--input", input.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Resource advice for 3 replicas (canary: 2 pods)",
                "CPU     request 500m -> ", "memory  request 256Mi -> ", "limit 512Mi -> ",
                "savings across 3 replicas the new requests free ",
                "Why (CPU):", "= p90 ", "no CPU limit", "Why (memory):", "= p95 ",
                "Compared:", "vs baseline",
                "Warnings:", "memory usage grows", "a possible leak");
    }

    @Test
    void resourcesAsJson() throws Exception {
        Path input = write("usage.json", usage(false));

        var result = cli.run("advise", "resources", "--input", input.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode view = JSON.readTree(result.out());
        assertThat(view.at("/cpu/sufficientData").asBoolean()).isTrue();
        assertThat(view.at("/cpu/usage/samples").asInt()).isEqualTo(160);
        assertThat(view.at("/cpu/usage/spanSeconds").asLong()).isEqualTo(79 * 15);
        assertThat(view.at("/cpu/request/current").asText()).isEqualTo("500m");
        assertThat(view.at("/cpu/request/recommended").asText()).matches("\\d+m");
        assertThat(view.at("/cpu/request/changePercent").asDouble()).isNegative();
        assertThat(view.at("/cpu/limit/current").isNull()).isTrue();
        assertThat(view.at("/cpu/limit/recommended").isNull()).isTrue();
        assertThat(view.at("/memory/limit/current").asText()).isEqualTo("512Mi");
        assertThat(view.at("/memory/limit/recommended").asText()).endsWith("Mi");
        assertThat(view.at("/memory/trend/tested").asBoolean()).isTrue();
        assertThat(view.at("/memory/trend/rising").asBoolean()).isFalse();
        assertThat(view.at("/savings/replicas").asInt()).isEqualTo(3);
        assertThat(view.at("/savings/cpuMillicoresTotal").asLong())
                .isEqualTo(3 * view.at("/savings/cpuMillicoresPerPod").asLong());
        assertThat(view.at("/savings/describe").asText()).startsWith("across 3 replicas");
        assertThat(view.get("reasons").toString()).contains("vs baseline");
        assertThat(view.get("warnings").isArray()).isTrue();
    }

    @Test
    void tooFewSamplesKeepTheCurrentSettingsAndExitOne() throws Exception {
        Path input = write("short.json", """
                {"interval": "15s", "current": {"cpu_request": "250m", "memory_request": "256Mi"},
                 "canary": [{"pod": "web-1", "cpu": [0.2, 0.3, 0.25], "memory": [2e8, 2.1e8, 2.2e8]}]}
                """);

        var result = cli.run("advise", "resources", "--input", input.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(result.out()).contains("only 3 CPU samples over 0.5 min", "too few to recommend",
                "request 250m (unchanged)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"memory\": [2e8, 2e8, 2e8, \"x\"]     | canary[0].memory[3] is \"x\"; expected a number",
        "\"memory\": [2e8, -1]                  | canary[0].memory[1] is -1; expected a number of at least 0",
        "\"memory\": 5                          | canary[0].memory is 5; expected an array of bytes",
        "\"memory\": [], \"disk\": []           | unknown field canary[0].disk; known: pod, cpu, memory"})
    void aBadSampleIsAUsageErrorNamingTheField(String podFields, String message) throws Exception {
        Path input = write("bad.json", "{\"interval\": \"15s\", \"canary\": [{\"pod\": \"web-1\", \"cpu\": [0.1], "
                + podFields + "}]}");

        var result = cli.run("advise", "resources", "--input", input.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("error: --input " + input + ": " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"canary\": []}                                            | interval is missing; expected the time between two samples, e.g. \"15s\"",
        "{\"interval\": \"soon\", \"canary\": []}                   | interval is \"soon\"; expected a positive duration such as 15s, 1m or 1m30s",
        "{\"interval\": \"15s\"}                                    | canary is missing; expected an array of pods",
        "{\"interval\": \"15s\", \"canary\": []}                    | canary is empty; expected at least one pod",
        "{\"interval\": \"15s\", \"replicas\": 2.5, \"canary\": []} | replicas is 2.5; expected a whole number",
        "{\"interval\": \"15s\", \"current\": {\"cpu_request\": \"lots\"}, \"canary\": []} | current.cpu_request is \"lots\"; expected a Kubernetes quantity such as 250m or 0.5",
        "{\"interval\": \"15s\", \"current\": {\"cpu_request\": \"1\", \"cpu_limit\": \"500m\"}, \"canary\": []} | current.cpu_limit 500m is below current.cpu_request 1; Kubernetes refuses a limit below its request",
        "[1, 2]                                                     | the input must be a JSON object, but is an array",
        "{\"interval\": \"15s\",                                     | the input is not valid JSON"})
    void badInputIsAUsageErrorNamingTheField(String json, String message) throws Exception {
        Path input = write("bad.json", json);

        var result = cli.run("advise", "resources", "--input", input.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: --input " + input + ": " + message);
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        var result = cli.run("advise", "resources", "--input", "nope.json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("error: --input nope.json: no such file");
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** 20 minutes of 15 s samples of two canary and two baseline pods; memory grows when {@code leak}. */
    static String usage(boolean leak) {
        return String.format(Locale.ROOT, """
                {"interval": "15s", "replicas": 3,
                 "current": {"cpu_request": "500m", "cpu_limit": null, "memory_request": "256Mi",
                             "memory_limit": "512Mi"},
                 "canary": [%s, %s],
                 "baseline": [%s, %s]}
                """, pod("web-canary-1", 0.30, 2.3e8, leak ? 4e5 : 0, 1), pod("web-canary-2", 0.28, 2.25e8,
                leak ? 4e5 : 0, 2), pod("web-1", 0.27, 2.2e8, 0, 3), pod("web-2", 0.26, 2.2e8, 0, 4));
    }

    private static String pod(String name, double cpu, double memory, double growthPerSample, long seed) {
        var random = new SplittableRandom(seed);
        double[] cores = new double[80];
        long[] bytes = new long[80];
        for (int i = 0; i < 80; i++) {
            cores[i] = cpu + 0.05 * Math.sin(i / 3.0) + random.nextDouble(-0.03, 0.03);
            bytes[i] = (long) (memory + growthPerSample * i + random.nextDouble(-4e6, 4e6));
        }
        return "{\"pod\": \"" + name + "\", \"cpu\": " + Arrays.toString(cores) + ", \"memory\": "
                + Arrays.toString(bytes) + "}";
    }
}
