package io.aidevops.controller.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One mapping of the YAML configuration, read key by key into typed values. Every read names the key it expects;
 * whatever is left over when {@link #finish()} runs is an unknown key, reported with the nearest allowed key. Reads
 * never throw: a bad value is recorded as a {@link ConfigProblem} (with file, line and key) and the default is used,
 * so one pass finds every problem in the file.
 */
public final class ConfigSection {
    private final String path;
    private final Mark anchor;
    private final ReadContext context;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    /** What every section of one load shares: where problems go and how secrets and paths are resolved. */
    record ReadContext(List<ConfigProblem> problems, Map<String, String> environment, Path baseDirectory,
                       String defaultSource, List<Secret> secrets) {
        /** Without the environment's values, which may hold secrets. */
        @Override
        public String toString() {
            return "ReadContext[" + defaultSource + ", " + problems.size() + " problems]";
        }
    }

    ConfigSection(String path, MappingNode node, Mark anchor, ReadContext context) {
        this.path = path;
        this.anchor = anchor;
        this.context = context;
        if (node != null) {
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    report(tuple.getKeyNode(), "<complex key>", "keys must be plain names");
                    continue;
                }
                // Duplicates were reported file by file when the YAML was read (ConfigLoader); the first one wins.
                entries.putIfAbsent(key.getValue(), tuple);
            }
        }
    }

    /** Reads a true/false value. */
    public boolean bool(String key, boolean defaultValue) {
        var value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        var scalar = value.get();
        if (!Tag.BOOL.equals(scalar.getTag())) {
            report(scalar, qualified(key), "expected true or false, found '" + scalar.getValue() + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(scalar.getValue());
    }

    /** Reads a whole number within {@code [min, max]}. */
    public int integer(String key, int defaultValue, int min, int max) {
        var value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        var scalar = value.get();
        var allowed = "an integer from " + min + " to " + max;
        if (!Tag.INT.equals(scalar.getTag())) {
            report(scalar, qualified(key), "expected " + allowed + ", found '" + scalar.getValue() + "'");
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(scalar.getValue());
        } catch (NumberFormatException e) {
            // The YAML resolver already said it is an integer: it can only be too long for a long.
            parsed = scalar.getValue().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (parsed < min || parsed > max) {
            report(scalar, qualified(key), "value " + scalar.getValue() + " is out of range; allowed: " + allowed);
            return defaultValue;
        }
        return (int) parsed;
    }

    /** Reads a non-empty text value. */
    public String text(String key, String defaultValue) {
        return optionalText(key).orElse(defaultValue);
    }

    /** Reads a text value that may be left out. */
    public Optional<String> optionalText(String key) {
        var value = scalar(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var text = value.get().getValue().strip();
        if (text.isEmpty()) {
            report(value.get(), qualified(key), "must not be empty; leave the key out to use the default");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * Reads a list of non-empty texts, written as a YAML list or as one value (a list of one); empty when the key is
     * absent.
     */
    public List<String> textList(String key) {
        known.add(key);
        var tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        var node = tuple.getValueNode();
        if (node instanceof ScalarNode) {
            return optionalText(key).map(List::of).orElse(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            report(node, qualified(key), "expected a list of values, found " + describe(node));
            return List.of();
        }
        var texts = new java.util.ArrayList<String>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            var item = sequence.getValue().get(i);
            var where = qualified(key) + "[" + i + "]";
            if (!(item instanceof ScalarNode scalar) || isNull(item)) {
                report(item, where, "expected a value, found " + (isNull(item) ? "nothing" : describe(item)));
            } else if (scalar.getValue().isBlank()) {
                report(item, where, "must not be empty");
            } else {
                texts.add(scalar.getValue().strip());
            }
        }
        return List.copyOf(texts);
    }

    /**
     * Reads every key of this section as a non-empty text, in file order: for sections whose keys are the user's
     * names (such as one query per metric) rather than ours.
     */
    public Map<String, String> texts() {
        var texts = new LinkedHashMap<String, String>();
        for (String key : List.copyOf(entries.keySet())) {
            optionalText(key).ifPresent(text -> texts.put(key, text));
        }
        return texts;
    }

    /**
     * Reads one of an enum's values, written in lower case with dashes for underscores ({@code in-cluster}),
     * case-insensitively.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        var value = scalar(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        var written = value.get().getValue().strip();
        for (E constant : type.getEnumConstants()) {
            if (configName(constant).equalsIgnoreCase(written)) {
                return constant;
            }
        }
        var allowed = Arrays.stream(type.getEnumConstants()).map(ConfigSection::configName).toList();
        var hint = NearestKey.of(written, allowed).map(n -> "; did you mean '" + n + "'?").orElse("");
        report(value.get(), qualified(key), "unknown value '" + written + "'; allowed: "
                + String.join(", ", allowed) + hint);
        return defaultValue;
    }

    /** Reads a file path; a relative path is taken from the directory of the configuration file. */
    public Optional<Path> path(String key) {
        var text = optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(context.baseDirectory().resolve(expandHome(text.get())).normalize());
        } catch (InvalidPathException e) {
            report(scalar(key).orElseThrow(), qualified(key), "not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    /**
     * Reads a secret reference, {@code {env: NAME}} or {@code {file: PATH}}, and the secret it points at. A secret
     * written in the file itself is refused: configuration files get copied, committed and attached to bug reports.
     */
    public Optional<Secret> secret(String key) {
        known.add(key);
        var tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        var qualified = qualified(key);
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            report(tuple.getValueNode(), qualified, "secrets are not written into the configuration; "
                    + "use {env: VARIABLE} or {file: PATH}");
            return Optional.empty();
        }
        var ref = new ConfigSection(qualified, mapping, mapping.getStartMark().orElse(anchor), context);
        var env = ref.optionalText("env");
        var file = ref.optionalText("file");
        ref.finish();
        if (env.isPresent() == file.isPresent()) {
            report(mapping, qualified, "give exactly one of env or file, e.g. {env: AIDEVOPS_TOKEN}");
            return Optional.empty();
        }
        if (env.isPresent()) {
            var value = context.environment().get(env.get());
            if (value == null || value.isEmpty()) {
                report(mapping, qualified, "environment variable " + env.get() + " is not set");
                return Optional.empty();
            }
            return Optional.of(remember(new Secret(new SecretRef(SecretRef.Kind.ENV, env.get()), value)));
        }
        var secretFile = context.baseDirectory().resolve(expandHome(file.get())).normalize();
        try {
            var value = Files.readString(secretFile).strip();
            if (value.isEmpty()) {
                report(mapping, qualified, "secret file " + secretFile + " is empty");
                return Optional.empty();
            }
            return Optional.of(remember(new Secret(new SecretRef(SecretRef.Kind.FILE, file.get()), value,
                    secretFile)));
        } catch (IOException e) {
            report(mapping, qualified, "cannot read secret file " + secretFile + " (" + e.getClass().getSimpleName()
                    + ")");
            return Optional.empty();
        }
    }

    private Secret remember(Secret secret) {
        context.secrets().add(secret);
        return secret;
    }

    /** @return the nested section under {@code key}; an empty section when the key is absent */
    public ConfigSection section(String key) {
        known.add(key);
        var tuple = entries.get(key);
        var qualified = qualified(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return new ConfigSection(qualified, null, anchor, context);
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            report(tuple.getValueNode(), qualified, "expected a section (key: value lines), found "
                    + describe(tuple.getValueNode()));
            return new ConfigSection(qualified, null, anchor, context);
        }
        return new ConfigSection(qualified, mapping, mapping.getStartMark().orElse(anchor), context);
    }

    /** Records a problem that concerns several keys of this section, at {@code key} when it is present. */
    public void problem(String key, String message) {
        var tuple = entries.get(key);
        if (tuple != null) {
            report(tuple.getKeyNode(), qualified(key), message);
        } else {
            report(anchor, qualified(key), message);
        }
    }

    /** Reports every key of this section that no read asked for. Call once, after all reads. */
    public void finish() {
        for (var entry : entries.entrySet()) {
            if (known.contains(entry.getKey())) {
                continue;
            }
            var hint = NearestKey.of(entry.getKey(), known).map(n -> "did you mean '" + n + "'? ").orElse("");
            report(entry.getValue().getKeyNode(), qualified(entry.getKey()), "unknown key; " + hint
                    + "allowed keys here: " + String.join(", ", known));
        }
    }

    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Optional<ScalarNode> scalar(String key) {
        known.add(key);
        var tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return Optional.of(scalar);
        }
        report(tuple.getValueNode(), qualified(key), "expected a single value, found " + describe(tuple.getValueNode()));
        return Optional.empty();
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void report(Node where, String key, String message) {
        report(where.getStartMark().orElse(anchor), key, message);
    }

    private void report(Mark mark, String key, String message) {
        if (mark == null) {
            context.problems().add(new ConfigProblem(context.defaultSource(), 0, 0, key, message));
        } else {
            context.problems().add(new ConfigProblem(mark.getName(), mark.getLine() + 1, mark.getColumn() + 1, key,
                    message));
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case MAPPING -> "a section";
            case SEQUENCE -> "a list";
            default -> "'" + ((ScalarNode) node).getValue() + "'";
        };
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    @Override
    public String toString() {
        return "section " + (path.isEmpty() ? "<root>" : path) + " " + entries.keySet().stream()
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
