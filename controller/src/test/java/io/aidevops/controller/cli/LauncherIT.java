package io.aidevops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./aidevops} launcher against the jar this build has just packaged (failsafe runs after
 * {@code package}). The launcher must take that build as up to date: Maven writes {@code target/aidevops.built} as
 * the last step of {@code package}, so no nested build may start here.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the bash launcher; Windows uses aidevops.cmd")
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private static Path repo;
    private static Path target;

    @TempDir
    Path dir;

    /** What one launcher run printed. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void theBuildIsFresh() throws IOException {
        repo = Path.of(System.getProperty("repo.root", "..")).toRealPath();
        target = repo.resolve("controller/target");
        var stamp = target.resolve("aidevops.built");
        assertThat(stamp).as("written by this build's package phase").isRegularFile();
        // A source edited while the tests ran would make the launcher start a Maven build of its own, into this
        // build's target/. Stop here instead, with the reason.
        assertThat(sourcesNewerThan(Files.getLastModifiedTime(stamp)))
                .as("sources changed after this build's package phase; run the build again").isEmpty();
    }

    @Test
    void runsThePackagedCliWithoutRebuildingAndRecordsTheArchive() throws Exception {
        var version = launch(repo.resolve("aidevops"), "version", "--format", "json");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertNotRebuilt(version);
        assertThat(JSON.readTree(version.out()).path("version").asText())
                .isEqualTo(System.getProperty("expected.version"));
        assertThat(target.resolve("aidevops.jsa")).as("class-data archive for quick start-up").isRegularFile();

        // No $KUBECONFIG, an empty home, no configuration file: degraded (exit 1), never the developer's cluster.
        var status = launch(repo.resolve("aidevops"), "status", "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(1);
        assertNotRebuilt(status);
        JsonNode report = JSON.readTree(status.out());
        assertThat(report.path("health").asText()).isEqualTo("DEGRADED");
        assertThat(report.path("kubernetes").path("health").asText()).isEqualTo("DEGRADED");
        // Inside a pod (a Jenkins agent on Kubernetes) the service-account token exists, and auto mode says so.
        assertThat(report.path("kubernetes").path("problem").asText()).containsAnyOf("no cluster configured",
                "not running in a pod");
    }

    @Test
    void findsTheRepositoryThroughSymlinks() throws Exception {
        // ~/bin/aidevops -> ../links/aidevops (relative) -> <repo>/aidevops (absolute): both kinds, chained.
        var links = Files.createDirectories(dir.resolve("links"));
        var bin = Files.createDirectories(dir.resolve("bin"));
        var toRepo = Files.createSymbolicLink(links.resolve("aidevops"), repo.resolve("aidevops"));
        var onPath = Files.createSymbolicLink(bin.resolve("aidevops"), Path.of("../links/aidevops"));

        Run run;
        try {
            run = launch(onPath, "version");
        } finally {
            Files.delete(toRepo); // else @TempDir's clean-up warns about a link leading out of it
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNotRebuilt(run);
        assertThat(run.out()).startsWith("aidevops ");
    }

    private static void assertNotRebuilt(Run run) {
        assertThat(run.err()).as("the launcher's standard error").doesNotContain("building");
    }

    /** Runs {@code bash script args...} in a folder of its own, with an environment that reaches no cluster. */
    private Run launch(Path script, String... args) throws Exception {
        var work = Files.createTempDirectory(dir, "work");
        var home = Files.createDirectories(dir.resolve("home"));
        var command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        var out = work.resolve(".stdout");
        var err = work.resolve(".stderr");
        var builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        var environment = builder.environment();
        environment.keySet().removeIf(name -> name.equals("KUBECONFIG") || name.startsWith("KUBERNETES_")
                || name.startsWith("AIDEVOPS_"));
        environment.put("HOME", home.toString());
        // Java takes user.home from the password database, not from $HOME: set it too, through the launcher.
        environment.put("AIDEVOPS_JAVA_OPTS", "-Duser.home=" + home);
        var process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " still running after " + TIMEOUT_SECONDS + " s; standard error:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The launcher's own staleness rule: any POM, main source or resource, or the example configuration. */
    private static List<Path> sourcesNewerThan(FileTime built) throws IOException {
        var newer = new ArrayList<Path>();
        Files.walkFileTree(repo, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
                var name = String.valueOf(d.getFileName());
                var underSrc = ("/" + repo.relativize(d).toString().replace('\\', '/') + "/").contains("/src/");
                return name.equals(".git") || d.equals(repo.resolve(".aidevops"))
                        || (name.equals("target") && !underSrc)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attributes) {
                var relative = "/" + repo.relativize(f).toString().replace('\\', '/');
                var watched = f.getFileName().toString().equals("pom.xml") || relative.contains("/src/main/")
                        || relative.equals("/config/config.example.yaml");
                if (watched && attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(built) > 0) {
                    newer.add(f);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return newer;
    }
}
