package io.aidevops.deploy.plan;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a {@link RolloutPlan} from YAML or JSON (YAML 1.2 reads JSON), in the shape of Argo Rollouts' steps:
 *
 * <pre>
 * steps:
 *   - setWeight: 20
 *   - pause: {duration: 30s}      # or 1m30s, 5m, 1h; a bare number is seconds
 *   - pause: {}                   # until promoted
 *   - analysis: {interval: 1m, looks: 5}
 * </pre>
 *
 * <p>The document is read as a node tree rather than as plain maps so that every error can name the line and
 * column it is about. Unknown keys are rejected (a misspelt {@code setweight} must not silently become a plan
 * without that step) with the closest known key as a suggestion.
 */
public final class RolloutPlanParser {

    private static final List<String> TOP_LEVEL_KEYS = List.of("steps");
    private static final List<String> STEP_KEYS = List.of("setWeight", "pause", "analysis");
    private static final List<String> PAUSE_KEYS = List.of("duration");
    private static final List<String> ANALYSIS_KEYS = List.of("interval", "looks");

    private final String source;

    private RolloutPlanParser(String source) {
        this.source = source;
    }

    /**
     * Parses a plan.
     *
     * @param text the plan, YAML or JSON
     * @param sourceName what error messages call it, e.g. {@code plan.yaml}
     * @return the plan
     * @throws PlanException naming source, line, column, step and field of the first problem
     */
    public static RolloutPlan parse(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        return new RolloutPlanParser(sourceName).read(text);
    }

    private RolloutPlan read(String text) {
        Node root = compose(text);
        MappingNode document = mapping(root, "the plan");
        Map<String, NodeTuple> top = keys(document, "the plan", TOP_LEVEL_KEYS);
        NodeTuple stepsEntry = top.get("steps");
        if (stepsEntry == null) {
            throw error(root, "the plan has no 'steps'; expected e.g. steps: [{setWeight: 20}, "
                    + "{analysis: {interval: 1m, looks: 5}}]");
        }
        Node stepsNode = stepsEntry.getValueNode();
        if (!(stepsNode instanceof SequenceNode sequence)) {
            throw error(stepsNode, "steps must be a list of steps, but is " + describe(stepsNode));
        }
        if (sequence.getValue().isEmpty()) {
            throw error(stepsNode, "steps is empty; a plan needs at least one step");
        }
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            steps.add(step(sequence.getValue().get(i), "steps[" + i + "]"));
        }
        return new RolloutPlan(steps);
    }

    private Node compose(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> node = composer.getSingleNode();
            if (node.isEmpty()) {
                throw new PlanException(source, 0, 0, "the plan is empty; expected a mapping with 'steps'", null);
            }
            return node.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            return rethrow(mark, "not valid YAML or JSON: " + problem, e);
        } catch (YamlEngineException e) {
            throw new PlanException(source, 0, 0, "not valid YAML or JSON: " + e.getMessage(), e);
        }
    }

    private Node rethrow(Optional<Mark> mark, String problem, Exception cause) {
        throw new PlanException(source, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), problem, cause);
    }

    private PlanStep step(Node node, String path) {
        MappingNode mapping = mapping(node, path);
        Map<String, NodeTuple> entries = keys(mapping, path, STEP_KEYS);
        if (entries.size() != 1) {
            throw error(node, path + " must have exactly one of " + String.join(", ", STEP_KEYS) + ", but has "
                    + (entries.isEmpty() ? "none" : String.join(" and ", entries.keySet())));
        }
        Map.Entry<String, NodeTuple> entry = entries.entrySet().iterator().next();
        Node value = entry.getValue().getValueNode();
        String field = path + "." + entry.getKey();
        return switch (entry.getKey()) {
            case "setWeight" -> new SetWeight(integer(value, field, 1, 100, "1 to 100"));
            case "pause" -> pause(value, field);
            default -> analysis(value, field);
        };
    }

    private Pause pause(Node node, String path) {
        if (isNull(node)) {
            return Pause.untilPromoted();
        }
        Map<String, NodeTuple> entries = keys(mapping(node, path), path, PAUSE_KEYS);
        NodeTuple duration = entries.get("duration");
        if (duration == null || isNull(duration.getValueNode())) {
            return Pause.untilPromoted();
        }
        return Pause.of(positiveDuration(duration.getValueNode(), path + ".duration",
                "; leave it out (pause: {}) to wait for promote"));
    }

    private Analysis analysis(Node node, String path) {
        if (isNull(node)) {
            return new Analysis(Analysis.DEFAULT_INTERVAL, Analysis.DEFAULT_LOOKS);
        }
        Map<String, NodeTuple> entries = keys(mapping(node, path), path, ANALYSIS_KEYS);
        NodeTuple interval = entries.get("interval");
        NodeTuple looks = entries.get("looks");
        return new Analysis(
                interval == null ? Analysis.DEFAULT_INTERVAL
                        : positiveDuration(interval.getValueNode(), path + ".interval", ""),
                looks == null ? Analysis.DEFAULT_LOOKS
                        : integer(looks.getValueNode(), path + ".looks", 1, 10_000, "1 to 10000"));
    }

    private int integer(Node node, String field, int min, int max, String range) {
        String text = scalar(node, field, "a whole number " + range);
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error(node, field + " must be a whole number " + range + ", but is '" + text + "'");
        }
        if (value < min || value > max) {
            throw error(node, field + " must be " + range + ", but is " + value);
        }
        return (int) value;
    }

    private Duration positiveDuration(Node node, String field, String hint) {
        String text = scalar(node, field, "a duration such as 30s, 5m, 1h or 1m30s");
        Duration duration = DurationText.parse(text).orElseThrow(() -> error(node, field
                + " must be a duration such as 30s, 5m, 1h or 1m30s, but is '" + text + "'"));
        if (duration.isZero()) {
            throw error(node, field + " must be positive, but is " + text + hint);
        }
        return duration;
    }

    private String scalar(Node node, String field, String expected) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw error(node, field + " must be " + expected + ", but is " + describe(node));
        }
        return scalar.getValue();
    }

    private MappingNode mapping(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, path + " must be a mapping, but is " + describe(node));
    }

    private Map<String, NodeTuple> keys(MappingNode mapping, String path, List<String> known) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw error(keyNode, path + " has a key that is not a plain name: " + describe(keyNode));
            }
            if (!known.contains(key.getValue())) {
                throw error(keyNode, path + ": " + KeySuggestions.unknownKey(key.getValue(), known));
            }
            entries.put(key.getValue(), tuple);
        }
        return entries;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && node.getTag().getValue().endsWith(":null")
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equals("null"));
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "empty";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private PlanException error(Node node, String problem) {
        Optional<Mark> mark = node.getStartMark();
        return new PlanException(source, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), problem, null);
    }
}
