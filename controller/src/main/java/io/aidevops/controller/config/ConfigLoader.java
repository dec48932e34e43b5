package io.aidevops.controller.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.aidevops.controller.ShownPath;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads the configuration once, in this order of precedence (later wins):
 * <ol>
 *   <li>built-in defaults (documented in {@code config/config.example.yaml});</li>
 *   <li>the configuration file: {@code --config}, else {@code AIDEVOPS_CONFIG_PATH}, else {@code config/config.yaml};</li>
 *   <li>the environment's overlay beside it, {@code config.<AIDEVOPS_ENV>.yaml}, when that file exists;</li>
 *   <li>{@code AIDEVOPS_LOG_LEVEL} for the log level.</li>
 * </ol>
 * Command-line options such as {@code --port} apply on top, in the command that has them.
 */
public final class ConfigLoader {
    /** Environment name, e.g. {@code production}; selects the overlay file. */
    public static final String ENV_VARIABLE = "AIDEVOPS_ENV";
    /** Path of the configuration file. */
    public static final String CONFIG_PATH_VARIABLE = "AIDEVOPS_CONFIG_PATH";
    /** Log level, overriding {@code logging.level}. */
    public static final String LOG_LEVEL_VARIABLE = "AIDEVOPS_LOG_LEVEL";
    /** Where the configuration file is looked for when nothing says otherwise (relative to the working folder). */
    public static final Path DEFAULT_CONFIG_PATH = Path.of("config", "config.yaml");
    /** The environment when {@code AIDEVOPS_ENV} is not set. */
    public static final String DEFAULT_ENVIRONMENT = "development";

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final Map<String, String> environment;
    private final Path workingDirectory;

    /**
     * @param environment      the process environment (tests pass their own map)
     * @param workingDirectory the folder relative paths on the command line and in variables are taken from
     */
    public ConfigLoader(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** @return a loader for this process's environment and working folder */
    public static ConfigLoader forThisProcess() {
        return new ConfigLoader(System.getenv(), Path.of(""));
    }

    /** @return the configuration file this loader would read, given an optional {@code --config} option */
    public Path configPath(Optional<Path> explicitPath) {
        return explicitPath.or(() -> variable(CONFIG_PATH_VARIABLE).map(Path::of))
                .map(workingDirectory::resolve)
                .orElse(workingDirectory.resolve(DEFAULT_CONFIG_PATH))
                .normalize();
    }

    /**
     * Loads and validates the configuration.
     *
     * @param explicitPath the {@code --config} option, when given
     * @throws ConfigException listing every problem found, each with file, line and key
     */
    public LoadedConfig load(Optional<Path> explicitPath) throws ConfigException {
        var problems = new ArrayList<ConfigProblem>();
        var environmentName = variable(ENV_VARIABLE).orElse(DEFAULT_ENVIRONMENT);
        if (!ENVIRONMENT_NAME.matcher(environmentName).matches()) {
            problems.add(new ConfigProblem("environment variable " + ENV_VARIABLE, 0, 0, ENV_VARIABLE,
                    "'" + environmentName + "' is not an environment name; use lower-case letters, digits, '-' or '_'"));
            environmentName = DEFAULT_ENVIRONMENT;
        }

        var path = configPath(explicitPath);
        var named = explicitPath.isPresent() || variable(CONFIG_PATH_VARIABLE).isPresent();
        var files = new ArrayList<Path>();
        MappingNode root = null;
        if (Files.isRegularFile(path)) {
            files.add(display(path));
            root = parse(path, problems);
        } else if (named || Files.exists(path)) {
            var origin = explicitPath.isPresent() ? "--config" : CONFIG_PATH_VARIABLE;
            problems.add(new ConfigProblem(display(path).toString(), 0, 0, origin, Files.exists(path)
                    ? "not a regular file" : "configuration file not found (named by " + origin + ")"));
        }
        var overlay = overlayPath(path, environmentName);
        if (!Files.exists(path) && !named && Files.isRegularFile(overlay)) {
            problems.add(new ConfigProblem(display(overlay).toString(), 0, 0, ENV_VARIABLE, "this overlay for "
                    + "environment '" + environmentName + "' has no base file " + display(path)
                    + "; an overlay is laid over the base file, so write one (aidevops init)"));
        }
        if (root != null && Files.isRegularFile(overlay)) {
            files.add(display(overlay));
            var overlayRoot = parse(overlay, problems);
            if (overlayRoot != null) {
                root = merge(root, overlayRoot);
            }
        }

        var baseDirectory = files.isEmpty() ? workingDirectory : path.getParent();
        var secrets = new ArrayList<Secret>();
        var context = new ConfigSection.ReadContext(problems, environment, baseDirectory, display(path).toString(),
                secrets);
        var rootSection = new ConfigSection("", root, root == null ? null : root.getStartMark().orElse(null), context);
        var config = AidevopsConfig.read(rootSection, workingDirectory);

        var logLevelSource = contains(root, "logging", "level") ? "logging.level" : "default";
        var levelVariable = variable(LOG_LEVEL_VARIABLE);
        if (levelVariable.isPresent()) {
            var parsed = LogLevel.parse(levelVariable.get());
            if (parsed.isPresent()) {
                config = config.withLogLevel(parsed.get());
                logLevelSource = LOG_LEVEL_VARIABLE;
            } else {
                problems.add(new ConfigProblem("environment variable " + LOG_LEVEL_VARIABLE, 0, 0,
                        LOG_LEVEL_VARIABLE, "unknown level '" + levelVariable.get() + "'; allowed: "
                        + String.join(", ", Arrays.stream(LogLevel.values()).map(Enum::name).toList())));
            }
        }
        if (!problems.isEmpty()) {
            // In the order the files were read (base, then overlay), then by position; variables last.
            var order = files.stream().map(Path::toString).toList();
            problems.sort(Comparator.comparingInt((ConfigProblem p) -> order.contains(p.source())
                            ? order.indexOf(p.source()) : order.size())
                    .thenComparing(ConfigProblem::source).thenComparingInt(ConfigProblem::line)
                    .thenComparingInt(ConfigProblem::column));
            throw new ConfigException(problems, secrets, files);
        }
        return new LoadedConfig(config, files, environmentName, config.logging().level(), logLevelSource);
    }

    /** @return whether the nested keys are written in {@code root} */
    private static boolean contains(MappingNode root, String... keys) {
        var node = (org.snakeyaml.engine.v2.nodes.Node) root;
        for (var key : keys) {
            if (!(node instanceof MappingNode mapping)) {
                return false;
            }
            node = mapping.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                    .map(NodeTuple::getValueNode).findFirst().orElse(null);
        }
        return node != null;
    }

    /** @return {@code config.production.yaml} beside {@code config.yaml} for environment {@code production} */
    static Path overlayPath(Path configFile, String environmentName) {
        var name = configFile.getFileName().toString();
        var dot = name.lastIndexOf('.');
        var stem = dot > 0 ? name.substring(0, dot) : name;
        var extension = dot > 0 ? name.substring(dot) : ".yaml";
        return configFile.resolveSibling(stem + "." + environmentName + extension);
    }

    private MappingNode parse(Path file, List<ConfigProblem> problems) {
        var label = display(file).toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new ConfigProblem(label, 0, 0, "<file>", "larger than 1 MiB; is this a configuration file?"));
                return null;
            }
            var settings = LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(true).build();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var node = new Compose(settings).composeReader(reader);
                if (node.isEmpty()) {
                    return new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK);
                }
                if (node.get() instanceof MappingNode mapping) {
                    reportDuplicates(mapping, "", problems);
                    return mapping;
                }
                var mark = node.get().getStartMark();
                problems.add(new ConfigProblem(label, mark.map(m -> m.getLine() + 1).orElse(1),
                        mark.map(m -> m.getColumn() + 1).orElse(1), "<root>",
                        "expected sections such as 'app:' and 'monitoring:' at the top level"));
                return null;
            }
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            problems.add(new ConfigProblem(label, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "<yaml>", "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            problems.add(new ConfigProblem(label, 0, 0, "<yaml>", "not valid YAML: " + e.getMessage()));
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(label, 0, 0, "<file>", "configuration file not found"));
        } catch (IOException e) {
            problems.add(new ConfigProblem(label, 0, 0, "<file>", "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /**
     * Reports keys written twice in one section. Checked per file, before an overlay is merged in, because the
     * merge would keep only one of them.
     */
    private static void reportDuplicates(MappingNode mapping, String path, List<ConfigProblem> problems) {
        var seen = new java.util.HashSet<String>();
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            var qualified = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            if (!seen.add(key.getValue())) {
                var mark = key.getStartMark().orElseThrow();
                problems.add(new ConfigProblem(mark.getName(), mark.getLine() + 1, mark.getColumn() + 1, qualified,
                        "duplicate key; each key may appear once per section"));
            }
            if (tuple.getValueNode() instanceof MappingNode nested) {
                reportDuplicates(nested, qualified, problems);
            }
        }
    }

    /** Deep merge: sections merge key by key, any other value of the overlay replaces the base's. */
    static MappingNode merge(MappingNode base, MappingNode overlay) {
        var merged = new LinkedHashMap<String, NodeTuple>();
        var others = new ArrayList<NodeTuple>();
        for (var tuple : base.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                merged.putIfAbsent(key.getValue(), tuple);
            } else {
                others.add(tuple);
            }
        }
        for (var tuple : overlay.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                others.add(tuple);
                continue;
            }
            var existing = merged.get(key.getValue());
            if (existing != null && existing.getValueNode() instanceof MappingNode b
                    && tuple.getValueNode() instanceof MappingNode o) {
                merged.put(key.getValue(), new NodeTuple(existing.getKeyNode(), merge(b, o)));
            } else {
                merged.put(key.getValue(), tuple);
            }
        }
        var tuples = new ArrayList<>(merged.values());
        tuples.addAll(others);
        return new MappingNode(Tag.MAP, false, tuples, FlowStyle.BLOCK, base.getStartMark(), base.getEndMark());
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private Path display(Path path) {
        return ShownPath.of(workingDirectory, path);
    }
}
