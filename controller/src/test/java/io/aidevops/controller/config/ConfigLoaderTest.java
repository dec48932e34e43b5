package io.aidevops.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String CONFIG = "config/config.yaml";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private LoadedConfig load() throws ConfigException {
        return new ConfigLoader(env, dir).load(Optional.empty());
    }

    private void write(String relative, String yaml) throws IOException {
        var file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private List<ConfigProblem> problemsOf(String yaml) throws IOException {
        write(CONFIG, yaml);
        try {
            load();
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused:\n" + yaml);
    }

    private ConfigProblem onlyProblemOf(String yaml) throws IOException {
        var problems = problemsOf(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static String example() throws IOException {
        try (InputStream in = ConfigLoaderTest.class.getResourceAsStream("config.example.yaml")) {
            assertThat(in).as("config.example.yaml on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutAFileTheBuiltInDefaultsApply() throws Exception {
        var loaded = load();

        assertThat(loaded.files()).isEmpty();
        assertThat(loaded.describeSource()).startsWith("built-in defaults");
        assertThat(loaded.environment()).isEqualTo("development");
        assertThat(loaded.logLevel()).isEqualTo(LogLevel.INFO);
        var config = loaded.config();
        assertThat(config.app().name()).isEqualTo("AI-DevOps-System");
        assertThat(config.app().dataDir()).isEqualTo(dir.resolve(".aidevops"));
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.kubernetes().mode()).isEqualTo(KubernetesMode.AUTO);
        assertThat(config.monitoring().enabled()).isTrue();
        assertThat(config.monitoring().interval()).isEqualTo(30);
        assertThat(config.monitoring().prometheus()).isEmpty();
        assertThat(config.deployment().strategies().canary().enabled()).isTrue();
        assertThat(config.deployment().strategies().canary().initialWeight()).isEqualTo(20);
        assertThat(config.security().scanning().enabled()).isTrue();
        assertThat(config.security().scanning().interval()).isEqualTo(86_400);
    }

    @Test
    void theExampleFileStatesExactlyTheDefaults() throws Exception {
        var defaults = load().config();
        write(CONFIG, example());

        var loaded = load();

        assertThat(loaded.files()).containsExactly(Path.of(CONFIG));
        assertThat(loaded.config()).isEqualTo(defaults);
    }

    @Test
    void theExampleFileDocumentsEveryKey() throws Exception {
        var example = example();
        assertKeysDocumented(ConfigRenderer.toMap(load().config()), example);
        // Optional sections are absent from the defaults; check them on a configuration that has them.
        env.put("TOKEN", "t");
        write(CONFIG, "monitoring:\n  selector: app=web\n  prometheus:\n    url: http://p:9090\n"
                + "    bearer_token: {env: TOKEN}\n    queries: {memory_bytes: 'up{namespace=\"{namespace}\"}'}\n");
        assertKeysDocumented(ConfigRenderer.toMap(load().config()), example);
    }

    private static void assertKeysDocumented(Map<String, Object> map, String example) {
        for (var entry : map.entrySet()) {
            assertThat(example).as("config.example.yaml documents key '%s'", entry.getKey())
                    .containsPattern("(?m)^\\s*(# )?\\s*" + entry.getKey() + ":");
            if (entry.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                var section = (Map<String, Object>) nested;
                assertKeysDocumented(section, example);
            }
        }
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        env.put("PROM_TOKEN", "s3cr3t-value");
        write(CONFIG, """
                app:
                  name: shop
                  data_dir: state
                server:
                  port: 9090
                kubernetes:
                  mode: kubeconfig
                  kubeconfig: kube/config
                  context: staging
                monitoring:
                  enabled: false
                  interval: 15
                  prometheus:
                    url: https://prometheus.example:9090
                    bearer_token: {env: PROM_TOKEN}
                deployment:
                  strategies:
                    canary:
                      initial_weight: 5
                logging:
                  level: debug
                """);

        var config = load().config();

        assertThat(config.app().name()).isEqualTo("shop");
        assertThat(config.app().dataDir()).as("relative to the configuration file's folder")
                .isEqualTo(dir.resolve("config/state"));
        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.kubernetes().mode()).isEqualTo(KubernetesMode.KUBECONFIG);
        assertThat(config.kubernetes().kubeconfig()).contains(dir.resolve("config/kube/config"));
        assertThat(config.kubernetes().context()).contains("staging");
        assertThat(config.monitoring().enabled()).isFalse();
        assertThat(config.monitoring().interval()).isEqualTo(15);
        var prometheus = config.monitoring().prometheus().orElseThrow();
        assertThat(prometheus.url()).hasToString("https://prometheus.example:9090");
        assertThat(prometheus.bearerToken().orElseThrow().reveal()).isEqualTo("s3cr3t-value");
        assertThat(config.deployment().strategies().canary().initialWeight()).isEqualTo(5);
        assertThat(config.logging().level()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void monitoringReadsNamespacesSelectorDetectorAndQueries() throws Exception {
        write(CONFIG, """
                monitoring:
                  namespaces: [shop, payments]
                  selector: app.kubernetes.io/part-of=shop, tier==web
                  detector: ewma-z
                  forecast_horizon: 1800
                  limits: {latency_p99: 0.5, error_rate: 5e-2}
                  prometheus:
                    url: http://prometheus:9090
                    queries:
                      memory_bytes: sum(container_memory_working_set_bytes{namespace="{namespace}"})
                      error_ratio: 'sum(rate(http_errors_total{namespace="{namespace}"}[5m]))'
                """);

        var monitoring = load().config().monitoring();

        assertThat(monitoring.namespaces()).containsExactly("shop", "payments");
        assertThat(monitoring.selectorLabels()).containsExactly(entry("app.kubernetes.io/part-of", "shop"),
                entry("tier", "web"));
        assertThat(monitoring.detector()).isEqualTo("ewma-z");
        assertThat(monitoring.forecastHorizon()).isEqualTo(1800);
        assertThat(monitoring.limits()).containsOnly(entry("latency_p99", 0.5), entry("error_rate", 0.05));
        assertThat(monitoring.prometheus().orElseThrow().queries()).containsOnlyKeys("memory_bytes", "error_ratio")
                .containsEntry("memory_bytes", "sum(container_memory_working_set_bytes{namespace=\"{namespace}\"})");
    }

    @Test
    void badMonitoringValuesAreNamedWithTheirKeys() throws Exception {
        var problems = problemsOf("""
                monitoring:
                  namespaces: [shop, Not_A_Namespace, {a: b}]
                  selector: app=web, =broken
                  detector: psychic
                  limits: {latency_p99: fast}
                  prometheus:
                    queries: {memory_bytes: 'up{namespace="{namespace}"}'}
                """);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "config/config.yaml:2:3: monitoring.namespaces: 'Not_A_Namespace' is not a Kubernetes namespace name "
                        + "(lower-case letters, digits and '-', at most 63)",
                "config/config.yaml:2:39: monitoring.namespaces[2]: expected a value, found a section",
                "config/config.yaml:3:3: monitoring.selector: '=broken' is not a label term such as app=web "
                        + "(the monitor selects by labels that must all match)",
                "config/config.yaml:4:3: monitoring.detector: unknown detector 'psychic'; known: "
                        + String.join(", ", io.aidevops.ai.anomaly.Detectors.names()),
                "config/config.yaml:5:12: monitoring.limits.latency_p99: expected a positive number (the value latency_p99 "
                        + "must stay below), found 'fast'",
                "config/config.yaml:7:5: monitoring.prometheus.queries: queries need monitoring.prometheus.url");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheNearestKey() throws Exception {
        var problem = onlyProblemOf("""
                monitoring:
                  enabled: true
                  intervall: 60
                """);

        assertThat(problem.source()).isEqualTo(CONFIG);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("monitoring.intervall");
        assertThat(problem.message()).contains("unknown key", "did you mean 'interval'?",
                "allowed keys here: enabled, interval, namespaces, selector, detector, forecast_horizon, limits, prometheus");
        assertThat(problem).hasToString("config/config.yaml:3:3: monitoring.intervall: unknown key; did you mean "
                + "'interval'? allowed keys here: enabled, interval, namespaces, selector, detector, forecast_horizon, limits, prometheus");
    }

    @Test
    void anUnknownTopLevelSectionIsNamed() throws Exception {
        var problem = onlyProblemOf("monitorng:\n  enabled: true\n");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.key()).isEqualTo("monitorng");
        assertThat(problem.message()).contains("did you mean 'monitoring'?");
    }

    @Test
    void anUnknownKeyFarFromAnyAllowedOneListsTheAllowedKeys() throws Exception {
        var problem = onlyProblemOf("server:\n  colour: blue\n");

        assertThat(problem.message()).doesNotContain("did you mean")
                .contains("allowed keys here: port, bind_address");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        var problem = onlyProblemOf("""
                monitoring:
                  interval: thirty
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(13);
        assertThat(problem.key()).isEqualTo("monitoring.interval");
        assertThat(problem.message()).isEqualTo("expected an integer from 1 to 3600, found 'thirty'");
    }

    @Test
    void aQuotedNumberIsText() throws Exception {
        var problem = onlyProblemOf("server:\n  port: \"8080\"\n");

        assertThat(problem.key()).isEqualTo("server.port");
        assertThat(problem.message()).contains("expected an integer from 1 to 65535");
    }

    @Test
    void anOutOfRangeValueNamesTheAllowedRange() throws Exception {
        var problem = onlyProblemOf("""
                deployment:
                  strategies:
                    canary:
                      initial_weight: 150
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.key()).isEqualTo("deployment.strategies.canary.initial_weight");
        assertThat(problem.message()).isEqualTo("value 150 is out of range; allowed: an integer from 1 to 100");
    }

    @Test
    void yesIsNotABoolean() throws Exception {
        // YAML 1.2: 'yes' is text, so a typo of true cannot silently turn into false.
        var problem = onlyProblemOf("monitoring:\n  enabled: yes\n");

        assertThat(problem.key()).isEqualTo("monitoring.enabled");
        assertThat(problem.message()).isEqualTo("expected true or false, found 'yes'");
    }

    @Test
    void anUnknownChoiceListsTheAllowedValuesAndTheNearest() throws Exception {
        var problem = onlyProblemOf("kubernetes:\n  mode: incluster\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("kubernetes.mode");
        assertThat(problem.message()).isEqualTo(
                "unknown value 'incluster'; allowed: auto, kubeconfig, in-cluster, embedded; did you mean 'in-cluster'?");
    }

    @Test
    void aValueWhereASectionBelongsIsNamed() throws Exception {
        var problem = onlyProblemOf("monitoring: 30\n");

        assertThat(problem.key()).isEqualTo("monitoring");
        assertThat(problem.message()).isEqualTo("expected a section (key: value lines), found '30'");
    }

    @Test
    void aListWhereOneValueBelongsIsNamed() throws Exception {
        var problem = onlyProblemOf("server:\n  port: [1, 2]\n");

        assertThat(problem.key()).isEqualTo("server.port");
        assertThat(problem.message()).isEqualTo("expected a single value, found a list");
    }

    @Test
    void anEmptyTextIsRefused() throws Exception {
        var problem = onlyProblemOf("app:\n  name: \"\"\n");

        assertThat(problem.key()).isEqualTo("app.name");
        assertThat(problem.message()).contains("must not be empty");
    }

    @Test
    void aDuplicateKeyIsRefused() throws Exception {
        var problem = onlyProblemOf("server:\n  port: 1\n  port: 2\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("server.port");
        assertThat(problem.message()).contains("duplicate key");
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws Exception {
        var problem = onlyProblemOf("server:\n  port: 8080\n bind_address: [oops\n");

        assertThat(problem.source()).isEqualTo(CONFIG);
        assertThat(problem.line()).as("the badly indented line").isEqualTo(3);
        assertThat(problem.key()).isEqualTo("<yaml>");
        assertThat(problem.message()).startsWith("not valid YAML:");
    }

    @Test
    void aFileThatIsNotASetOfSectionsIsRefused() throws Exception {
        var problem = onlyProblemOf("- just\n- a list\n");

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("expected sections");
    }

    @Test
    void anEmptyFileMeansDefaults() throws Exception {
        var defaults = load().config();
        write(CONFIG, "# nothing yet\n");

        assertThat(load().config()).isEqualTo(defaults);
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() throws Exception {
        var problems = problemsOf("""
                server:
                  port: 70000
                monitoring:
                  interval: 0
                  enabeld: true
                logging:
                  level: LOUD
                """);

        assertThat(problems).extracting(ConfigProblem::line).containsExactly(2, 4, 5, 7);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("server.port", "monitoring.interval",
                "monitoring.enabeld", "logging.level");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("4 configuration problems:")
                .hasMessageContaining("config/config.yaml:7:10: logging.level: unknown value 'LOUD'");
    }

    @Test
    void modeKubeconfigNeedsAFile() throws Exception {
        var problem = onlyProblemOf("kubernetes:\n  mode: kubeconfig\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("kubernetes.mode");
        assertThat(problem.message()).contains("needs kubernetes.kubeconfig");
    }

    @Test
    void aPrometheusUrlMustBeHttp() throws Exception {
        var problem = onlyProblemOf("monitoring:\n  prometheus:\n    url: prometheus:9090\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("monitoring.prometheus.url");
        assertThat(problem.message()).contains("expected an http:// or https:// URL");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefusedWithoutEchoingIt() throws Exception {
        var problem = onlyProblemOf("kubernetes:\n  token: eyJhbGciOiJSUzI1NiJ9.secret\n");

        assertThat(problem.key()).isEqualTo("kubernetes.token");
        assertThat(problem.message()).contains("use {env: VARIABLE} or {file: PATH}")
                .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void aSecretFromAFileIsReadAndNeverPrinted() throws Exception {
        write("config/token", "file-secret-value\n");
        write(CONFIG, "kubernetes:\n  token: {file: token}\n");

        var token = load().config().kubernetes().token().orElseThrow();

        assertThat(token.reveal()).isEqualTo("file-secret-value");
        assertThat(token).hasToString("<redacted: file token>");
        assertThat(ConfigRenderer.toYaml(load().config())).contains("<redacted: file token>")
                .doesNotContain("file-secret-value");
    }

    @Test
    void aSecretFromAMissingVariableOrFileIsNamed() throws Exception {
        var problems = problemsOf("""
                kubernetes:
                  token: {env: NOT_SET_ANYWHERE}
                monitoring:
                  prometheus:
                    url: http://p:9090
                    bearer_token: {file: missing-token}
                """);

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactly("kubernetes.token", "monitoring.prometheus.bearer_token");
        assertThat(problems.get(0).message()).isEqualTo("environment variable NOT_SET_ANYWHERE is not set");
        assertThat(problems.get(1).message()).startsWith("cannot read secret file");
    }

    @Test
    void aSecretNeedsExactlyOnePlace() throws Exception {
        env.put("A", "x");
        var problem = onlyProblemOf("kubernetes:\n  token: {env: A, file: b}\n");

        assertThat(problem.message()).contains("exactly one of env or file");
    }

    @Test
    void theConfigPathVariableIsUsedWhenNoOptionIsGiven() throws Exception {
        write("elsewhere/mine.yaml", "server:\n  port: 9999\n");
        env.put(ConfigLoader.CONFIG_PATH_VARIABLE, "elsewhere/mine.yaml");

        var loaded = load();

        assertThat(loaded.files()).containsExactly(Path.of("elsewhere/mine.yaml"));
        assertThat(loaded.config().server().port()).isEqualTo(9999);
    }

    @Test
    void theConfigOptionBeatsTheVariable() throws Exception {
        write("a.yaml", "server:\n  port: 1111\n");
        write("b.yaml", "server:\n  port: 2222\n");
        env.put(ConfigLoader.CONFIG_PATH_VARIABLE, "a.yaml");

        var loaded = new ConfigLoader(env, dir).load(Optional.of(Path.of("b.yaml")));

        assertThat(loaded.config().server().port()).isEqualTo(2222);
    }

    @Test
    void aFileNamedByTheVariableMustExist() throws Exception {
        env.put(ConfigLoader.CONFIG_PATH_VARIABLE, "nowhere.yaml");

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("nowhere.yaml");
                assertThat(p.key()).isEqualTo(ConfigLoader.CONFIG_PATH_VARIABLE);
                assertThat(p.message()).contains("not found");
            });
        });
    }

    @Test
    void theLogLevelVariableBeatsTheFile() throws Exception {
        write(CONFIG, "logging:\n  level: ERROR\n");
        assertThat(load().logLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(load().logLevelSource()).isEqualTo("logging.level");

        env.put(ConfigLoader.LOG_LEVEL_VARIABLE, "debug");

        assertThat(load().logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(load().logLevelSource()).isEqualTo(ConfigLoader.LOG_LEVEL_VARIABLE);
    }

    @Test
    void aBadLogLevelVariableIsNamed() throws Exception {
        env.put(ConfigLoader.LOG_LEVEL_VARIABLE, "verbose");

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo(ConfigLoader.LOG_LEVEL_VARIABLE);
                    assertThat(p.message()).isEqualTo("unknown level 'verbose'; allowed: TRACE, DEBUG, INFO, WARN, ERROR");
                }));
    }

    @Test
    void theEnvironmentOverlayIsLaidOverTheFileKeyByKey() throws Exception {
        write(CONFIG, "monitoring:\n  enabled: true\n  interval: 30\nserver:\n  port: 8081\n");
        write("config/config.production.yaml", "monitoring:\n  interval: 10\n");
        env.put(ConfigLoader.ENV_VARIABLE, "production");

        var loaded = load();

        assertThat(loaded.environment()).isEqualTo("production");
        assertThat(loaded.files()).containsExactly(Path.of(CONFIG), Path.of("config/config.production.yaml"));
        assertThat(loaded.config().monitoring().interval()).isEqualTo(10);
        assertThat(loaded.config().monitoring().enabled()).isTrue();
        assertThat(loaded.config().server().port()).isEqualTo(8081);
    }

    @Test
    void anOverlayIsIgnoredInOtherEnvironments() throws Exception {
        write(CONFIG, "monitoring:\n  interval: 30\n");
        write("config/config.production.yaml", "monitoring:\n  interval: 10\n");

        assertThat(load().config().monitoring().interval()).isEqualTo(30);
    }

    @Test
    void aProblemInTheOverlayNamesTheOverlayFile() throws Exception {
        write(CONFIG, "monitoring:\n  interval: 30\n");
        write("config/config.staging.yaml", "\nmonitoring:\n  interval: -5\n");
        env.put(ConfigLoader.ENV_VARIABLE, "staging");

        var problem = problemsOf("monitoring:\n  interval: 30\n").get(0);

        assertThat(problem.source()).isEqualTo("config/config.staging.yaml");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("monitoring.interval");
    }

    @Test
    void aBadEnvironmentNameIsNamed() throws Exception {
        env.put(ConfigLoader.ENV_VARIABLE, "../prod");

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo(ConfigLoader.ENV_VARIABLE);
                    assertThat(p.message()).contains("not an environment name");
                }));
    }
    @Test
    void aComplexKeyIsRefused() throws Exception {
        var problem = onlyProblemOf("server:\n  ? [a, b]\n  : 1\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("keys must be plain names");
    }

    @Test
    void aPathWithANulCharacterIsRefused() throws Exception {
        var problem = onlyProblemOf("app:\n  data_dir: \"bad\\0path\"\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("app.data_dir");
        assertThat(problem.message()).startsWith("not a valid path");
    }

    @Test
    void anEmptySecretFileIsRefused() throws Exception {
        write("config/empty-token", "\n");
        var problem = onlyProblemOf("kubernetes:\n  token: {file: empty-token}\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("kubernetes.token");
        assertThat(problem.message()).contains("empty-token is empty");
    }

    @Test
    void anUnknownKeyInsideASecretReferenceIsNamed() throws Exception {
        env.put("T", "value");
        var problem = onlyProblemOf("kubernetes:\n  token: {env: T, vault: x}\n");

        assertThat(problem.key()).isEqualTo("kubernetes.token.vault");
        assertThat(problem.message()).contains("allowed keys here: env, file");
    }

    @Test
    void aBearerTokenNeedsAPrometheusUrl() throws Exception {
        env.put("T", "value");
        var problem = onlyProblemOf("monitoring:\n  prometheus:\n    bearer_token: {env: T}\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("monitoring.prometheus.bearer_token");
        assertThat(problem.message()).contains("needs monitoring.prometheus.url");
    }

    @Test
    void aKubeconfigIsRefusedWhereTheModeIgnoresIt() throws Exception {
        var problem = onlyProblemOf("kubernetes:\n  mode: in-cluster\n  kubeconfig: kube.yaml\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("kubernetes.kubeconfig");
        assertThat(problem.message()).contains("only with mode 'kubeconfig' or 'auto', not 'in-cluster'");
    }

    @Test
    void anOversizedFileIsRefused() throws Exception {
        var problem = onlyProblemOf("# " + "x".repeat(1 << 20) + "\n");

        assertThat(problem.key()).isEqualTo("<file>");
        assertThat(problem.message()).contains("larger than 1 MiB");
    }

    @Test
    void aFolderNamedAsTheConfigurationIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("a-folder.yaml"));

        assertThatThrownBy(() -> new ConfigLoader(env, dir).load(Optional.of(Path.of("a-folder.yaml"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.source()).isEqualTo("a-folder.yaml");
                            assertThat(p.key()).isEqualTo("--config");
                            assertThat(p.message()).isEqualTo("not a regular file");
                        }));
    }

    @Test
    void typosAreMatchedByEditDistance() {
        assertThat(NearestKey.distance("interval", "interval")).isZero();
        assertThat(NearestKey.distance("intervall", "interval")).isEqualTo(1);
        assertThat(NearestKey.distance("inetrval", "interval")).as("a swap is one edit").isEqualTo(1);
        assertThat(NearestKey.of("prometeus", java.util.List.of("enabled", "interval", "prometheus")))
                .contains("prometheus");
        assertThat(NearestKey.of("zzz", java.util.List.of("enabled", "interval"))).isEmpty();
    }
    @Test
    void duplicateKeysAreFoundEvenWhenAnOverlayIsMergedIn() throws Exception {
        write("config/config.development.yaml", "monitoring:\n  interval: 10\n  interval: 20\n");
        var problems = problemsOf("monitoring:\n  enabled: true\n  enabled: false\n");

        assertThat(problems).extracting(ConfigProblem::source).containsExactly(CONFIG,
                "config/config.development.yaml");
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("monitoring.enabled",
                "monitoring.interval");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(3, 3);
    }

    @Test
    void theLogLevelInEffectIsTheConfigurationsLogLevel() throws Exception {
        write(CONFIG, "server:\n  port: 9000\n");
        assertThat(load().logLevelSource()).as("the file does not set it").isEqualTo("default");

        env.put(ConfigLoader.LOG_LEVEL_VARIABLE, "warn");

        assertThat(load().config().logging().level()).isEqualTo(LogLevel.WARN);
        assertThat(ConfigRenderer.toYaml(load().config())).contains("level: WARN");
    }

    @Test
    void aPrometheusUrlWithCredentialsIsRefusedWithoutEchoingThem() throws Exception {
        var problem = onlyProblemOf("monitoring:\n  prometheus:\n    url: https://admin:pa55word@prom:9090\n");

        assertThat(problem.key()).isEqualTo("monitoring.prometheus.url");
        assertThat(problem.message()).contains("bearer_token").doesNotContain("pa55word");
    }

    @Test
    void theBindAddressMustBeAnAddress() throws Exception {
        for (var good : new String[] {"127.0.0.1", "0.0.0.0", "::1", "::", "localhost", "10.1.2.3"}) {
            write(CONFIG, "server:\n  bind_address: \"" + good + "\"\n");
            assertThat(load().config().server().bindAddress()).isEqualTo(good);
        }
        var problem = onlyProblemOf("server:\n  bind_address: no-such-host.invalid\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("server.bind_address");
        assertThat(problem.message()).contains("expected an IP address of this machine");
        assertThat(onlyProblemOf("server:\n  bind_address: 300.1.1.1\n").key()).isEqualTo("server.bind_address");
    }

    @Test
    void theNamespaceMustBeANamespaceName() throws Exception {
        var problem = onlyProblemOf("kubernetes:\n  namespace: Shop_Prod\n");

        assertThat(problem.key()).isEqualTo("kubernetes.namespace");
        assertThat(problem.message()).contains("is not a Kubernetes namespace name");
    }

    @Test
    void aHugeIntegerIsOutOfRange() throws Exception {
        var problem = onlyProblemOf("server:\n  port: 99999999999999999999999\n");

        assertThat(problem.message()).contains("out of range; allowed: an integer from 1 to 65535");
    }

    @Test
    void anOverlayWithoutItsBaseFileIsNamed() throws Exception {
        write("config/config.production.yaml", "monitoring:\n  interval: 10\n");
        env.put(ConfigLoader.ENV_VARIABLE, "production");

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.source()).isEqualTo("config/config.production.yaml");
                    assertThat(p.message()).contains("has no base file config/config.yaml");
                }));
    }

    @Test
    void aBrokenBaseFileIsNotMistakenForAMissingOne() throws Exception {
        write("config/config.production.yaml", "monitoring:\n  interval: 10\n");
        env.put(ConfigLoader.ENV_VARIABLE, "production");

        var problems = problemsOf("monitoring: [unclosed\n");

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("<yaml>"));
    }

    @Test
    void secretsReadBeforeAFailureTravelWithTheException() throws Exception {
        env.put("KUBE_BEARER", "bearer-value-123");

        assertThatThrownBy(() -> problemsAndThrow("kubernetes:\n  token: {env: KUBE_BEARER}\nserver:\n  prt: 1\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.secrets()).extracting(Secret::reveal).containsExactly("bearer-value-123");
                    assertThat(e.getMessage()).doesNotContain("bearer-value-123");
                });
    }

    private void problemsAndThrow(String yaml) throws Exception {
        write(CONFIG, yaml);
        load();
    }
}
