package io.aidevops.deploy.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.aidevops.ai.canary.Thresholds;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.RolloutPlanParser;

/**
 * What a user asked for: put {@code image} on Deployment {@code deployment} through a canary, following
 * {@code plan}. Stored with the rollout (the plan as text), so any process can resume it.
 *
 * @param namespace the Deployment's namespace
 * @param deployment the Deployment that runs the stable version today
 * @param container the container whose image changes; null for the first container
 * @param image the new image
 * @param service the Service in front of the Deployment (used by traffic routers and for checks)
 * @param planText the plan in the plan file format (YAML or JSON)
 * @param metrics the metrics to analyse
 * @param thresholds the judge's score thresholds
 * @param progressDeadline how long a step may wait for pods before the rollout is rolled back
 * @param router the traffic router's configuration ({@code type: replica} when empty)
 */
public record CanarySpec(String namespace, String deployment, String container, String image, String service,
        String planText, List<AnalysisMetric> metrics, Thresholds thresholds, Duration progressDeadline,
        Map<String, Object> router) {

    /** Kubernetes' default progress deadline of a Deployment. */
    public static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofMinutes(10);

    // registry[:port]/path[:tag][@sha256:hex], lower-case path components as the distribution spec requires.
    private static final Pattern IMAGE = Pattern.compile(
            "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /**
     * Checks every field; nothing is sent to a cluster for a spec that fails here.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public CanarySpec {
        requireName("namespace", namespace, 63);
        requireName("deployment", deployment, 253 - "-canary".length());
        requireName("service", service, 63);
        Objects.requireNonNull(image, "image");
        if (!IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("--image '" + image + "' is not a valid image reference (expected"
                    + " registry/name:tag or name@sha256:digest)");
        }
        if (container != null && container.isBlank()) {
            container = null;
        }
        Objects.requireNonNull(planText, "planText");
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a canary needs at least one analysis metric");
        }
        if (metrics.stream().map(AnalysisMetric::name).distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("analysis metric names must be unique");
        }
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(progressDeadline, "progressDeadline");
        if (progressDeadline.isNegative() || progressDeadline.isZero()) {
            throw new IllegalArgumentException("progressDeadline must be positive, but is " + progressDeadline);
        }
        router = router == null ? Map.of() : Map.copyOf(router);
    }

    /** The plan, parsed from {@link #planText()}. */
    public RolloutPlan plan() {
        return RolloutPlanParser.parse(planText, "plan of " + namespace + "/" + deployment);
    }

    /** The name of the canary Deployment: the stable one's plus {@code -canary}. */
    public String canaryDeployment() {
        return deployment + "-canary";
    }

    private static void requireName(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("--" + field + " '" + value + "' is not a valid Kubernetes name "
                    + "(lower-case letters, digits and '-', at most " + max + " characters)");
        }
    }
}
