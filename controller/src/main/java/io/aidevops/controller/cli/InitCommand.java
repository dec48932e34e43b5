package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.aidevops.controller.ShownPath;
import io.aidevops.controller.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops init}: writes a configuration file from the documented example. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write config/config.yaml (or --config FILE, or $AIDEVOPS_CONFIG_PATH) from the documented "
                + "example, validate it and say what to do next.", "An existing file is kept unless --force is given."})
final class InitCommand extends Subcommand implements Callable<Integer> {
    static final String EXAMPLE = "/io/aidevops/controller/config/config.example.yaml";

    @Option(names = "--force", description = "Overwrite an existing configuration file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var loader = root().loader();
        var target = loader.configPath(Optional.ofNullable(root().configFile));
        var shown = ShownPath.of(context().workingDirectory(), target);
        var err = context().err();
        if (Files.exists(target) && !force) {
            err.println(shown + " already exists; it was left as it is. Use --force to overwrite it, or check it "
                    + "with 'aidevops config validate'.");
            return ExitCodes.DECLINED;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (InputStream example = InitCommand.class.getResourceAsStream(EXAMPLE)) {
            if (example == null) {
                throw new IOException("the example configuration is missing from the jar; rebuild it");
            }
            Files.copy(example, target, StandardCopyOption.REPLACE_EXISTING);
        }
        io.aidevops.controller.config.LoadedConfig loaded;
        try {
            loaded = loader.load(Optional.of(target));
        } catch (io.aidevops.controller.config.ConfigException e) {
            // The example is valid, so the environment is not: say that the file was written all the same.
            err.println("Wrote " + shown + ", but the configuration does not load in this environment:");
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        var out = context().out();
        out.println("Wrote " + shown + " (valid; every key shows its default).");
        out.println();
        out.println("Next:");
        out.println("  1. Edit " + shown + ": point kubernetes at your cluster (mode, kubeconfig, context).");
        if (!shown.equals(ConfigLoader.DEFAULT_CONFIG_PATH)) {
            out.println("     Then export " + ConfigLoader.CONFIG_PATH_VARIABLE + "=" + shown
                    + " so every command reads it.");
        }
        out.println("  2. aidevops status --verbose   checks the cluster and every component");
        out.println("  3. aidevops demo               shows the suite at work on an embedded cluster");
        out.println("  4. aidevops start              runs the controller service on port "
                + loaded.config().server().port());
        return ExitCodes.OK;
    }
}
