package io.aidevops.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Chooses a container's {@link WorkloadBehaviour} from the tag of its image: the first rule whose pattern is found in
 * the tag wins, otherwise the fallback applies. An image without a tag has the tag {@code latest}.
 *
 * <p>The {@link #builtIn() built-in rules}, in order of precedence:
 * <ul>
 *   <li>{@code crash} in the tag: {@link FailureMode#CRASH_LOOP};</li>
 *   <li>{@code oom}: {@link FailureMode#OOM};</li>
 *   <li>{@code leak}: memory grows by 2 MiB per second until the container hits its memory limit and is
 *       OOMKilled;</li>
 *   <li>{@code bad}: 8 % errors and 2.5 times the latency;</li>
 *   <li>anything else: {@link WorkloadBehaviour#healthy()}.</li>
 * </ul>
 * Patterns are case-insensitive regular expressions, so {@code v2-BAD} counts as bad.
 */
public final class WorkloadBehaviours {

    private static final long MIB = 1024L * 1024L;

    private final List<Rule> rules;
    private final WorkloadBehaviour fallback;

    /**
     * One rule: containers whose image tag contains a match of {@code tagPattern} behave as {@code behaviour}.
     *
     * @param tagPattern searched for in the tag (not anchored)
     * @param behaviour the behaviour of matching containers
     */
    public record Rule(Pattern tagPattern, WorkloadBehaviour behaviour) {

        /** Rejects nulls. */
        public Rule {
            Objects.requireNonNull(tagPattern, "tagPattern");
            Objects.requireNonNull(behaviour, "behaviour");
        }

        boolean matches(String tag) {
            return tagPattern.matcher(tag).find();
        }
    }

    private WorkloadBehaviours(List<Rule> rules, WorkloadBehaviour fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The built-in rules described in the class comment. */
    public static WorkloadBehaviours builtIn() {
        WorkloadBehaviour healthy = WorkloadBehaviour.healthy();
        Duration slow = Duration.ofNanos(Math.round(healthy.latencyMedian().toNanos() * 2.5));
        return new WorkloadBehaviours(List.of(
                rule("crash", healthy.withFailureMode(FailureMode.CRASH_LOOP)),
                rule("oom", healthy.withFailureMode(FailureMode.OOM)),
                rule("leak", healthy.withMemoryGrowthBytesPerSecond(2 * MIB)),
                rule("bad", healthy.withErrorRatio(0.08).withLatencyMedian(slow))),
                healthy);
    }

    /**
     * No rules at all: every container behaves as {@code fallback}.
     *
     * @param fallback the behaviour of every container
     * @return the behaviours
     */
    public static WorkloadBehaviours allBehavingAs(WorkloadBehaviour fallback) {
        return new WorkloadBehaviours(List.of(), fallback);
    }

    /**
     * These behaviours plus one rule that takes precedence over all existing ones.
     *
     * @param tagRegex a case-insensitive regular expression searched for in image tags
     * @param behaviour the behaviour of matching containers
     * @return new behaviours; this object is unchanged
     * @throws java.util.regex.PatternSyntaxException if {@code tagRegex} is not a valid regular expression
     */
    public WorkloadBehaviours withRule(String tagRegex, WorkloadBehaviour behaviour) {
        List<Rule> extended = new ArrayList<>();
        extended.add(rule(tagRegex, behaviour));
        extended.addAll(rules);
        return new WorkloadBehaviours(extended, fallback);
    }

    /**
     * The behaviour of a container running {@code image}.
     *
     * @param image an image reference such as {@code registry:5000/shop/cart:v2-bad@sha256:...}
     * @return the behaviour of the first matching rule, or the fallback
     */
    public WorkloadBehaviour forImage(String image) {
        String tag = tagOf(image);
        return rules.stream()
                .filter(rule -> rule.matches(tag))
                .map(Rule::behaviour)
                .findFirst()
                .orElse(fallback);
    }

    /** The rules in order of precedence. */
    public List<Rule> rules() {
        return rules;
    }

    /** The behaviour of containers no rule matches. */
    public WorkloadBehaviour fallback() {
        return fallback;
    }

    /**
     * The tag of an image reference: what follows the last colon of the last path segment, without a digest.
     *
     * @return the tag, {@code latest} if the reference has none
     */
    static String tagOf(String image) {
        if (image == null || image.isBlank()) {
            return "latest";
        }
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String lastSegment = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        int colon = lastSegment.lastIndexOf(':');
        return colon < 0 || colon == lastSegment.length() - 1 ? "latest" : lastSegment.substring(colon + 1);
    }

    private static Rule rule(String tagRegex, WorkloadBehaviour behaviour) {
        return new Rule(Pattern.compile(tagRegex, Pattern.CASE_INSENSITIVE), behaviour);
    }

    @Override
    public String toString() {
        return "WorkloadBehaviours" + rules + " else " + fallback;
    }
}
