package io.aidevops.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.aidevops.controller.config.ConfigLoader;
import io.aidevops.controller.kube.ClusterTargets;
import io.aidevops.controller.service.ControllerEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusInspectorTest {
    @TempDir
    Path dir;

    private StatusReport inspect() throws Exception {
        var loaded = new ConfigLoader(Map.of(), dir).load(Optional.empty());
        var targets = new ClusterTargets(Map.of(), dir.resolve("home"), dir.resolve("no-token"));
        return new StatusInspector(targets, new HttpProbe(Duration.ofSeconds(1))).inspect(loaded, Optional.empty());
    }

    private static ComponentStatus component(StatusReport report, String name) {
        return report.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRecordOfAKilledServiceMeansStoppedAndIsRemoved() throws Exception {
        var ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        new ControllerEndpoint(ended.pid(), "http://127.0.0.1:1", Instant.EPOCH).write(dir.resolve(".aidevops"));

        var controller = component(inspect(), "controller");

        assertThat(controller.health()).isEqualTo(Health.HEALTHY);
        assertThat(controller.state()).isEqualTo("stopped");
        assertThat(controller.detail()).contains("pid " + ended.pid() + " has ended");
        assertThat(dir.resolve(".aidevops/controller.json")).doesNotExist();
    }

    @Test
    void aLiveServiceThatDoesNotAnswerIsDegraded() throws Exception {
        // This test's own process is alive, and nothing listens on port 1.
        new ControllerEndpoint(ProcessHandle.current().pid(), "http://127.0.0.1:1", Instant.EPOCH)
                .write(dir.resolve(".aidevops"));

        var controller = component(inspect(), "controller");

        assertThat(controller.health()).isEqualTo(Health.DEGRADED);
        assertThat(controller.state()).isEqualTo("not answering");
    }

    @Test
    void prometheusReadinessKeepsAPathPrefix() {
        assertThat(StatusInspector.readiness(URI.create("https://h/prom"))).hasToString("https://h/prom/-/ready");
        assertThat(StatusInspector.readiness(URI.create("https://h/prom/"))).hasToString("https://h/prom/-/ready");
        assertThat(StatusInspector.readiness(URI.create("http://h:9090"))).hasToString("http://h:9090/-/ready");
    }

    @Test
    void healthIsWorstWinsWithItsExitCode() {
        assertThat(Health.HEALTHY.combine(Health.DEGRADED)).isEqualTo(Health.DEGRADED);
        assertThat(Health.UNUSABLE.combine(Health.DEGRADED)).isEqualTo(Health.UNUSABLE);
        assertThat(Health.HEALTHY.combine(Health.HEALTHY)).isEqualTo(Health.HEALTHY);
        assertThat(Health.HEALTHY.exitCode()).isZero();
        assertThat(Health.DEGRADED.exitCode()).isEqualTo(1);
        assertThat(Health.UNUSABLE.exitCode()).isEqualTo(2);
    }
}
