package io.aidevops.deploy.jenkins;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import hudson.Util;
import hudson.util.FormValidation;
import io.aidevops.ai.canary.Thresholds;
import io.aidevops.deploy.metrics.PrometheusConfig;
import io.aidevops.deploy.plan.DurationText;
import io.aidevops.deploy.plan.PlanException;
import io.aidevops.deploy.plan.RolloutPlan;
import io.aidevops.deploy.plan.RolloutPlanParser;
import io.aidevops.deploy.rollout.AnalysisMetric;
import io.aidevops.deploy.rollout.CanarySpec;
import io.aidevops.deploy.rollout.PlanText;

/**
 * Maps the step's text parameters onto the core's types, and form values onto the core's own checks: every rule
 * (names, image references, plans, durations, thresholds, URLs) is the core's ({@link CanarySpec},
 * {@link RolloutPlanParser}, {@link DurationText}, {@link Thresholds}, {@link PrometheusConfig}); none is repeated
 * here.
 */
final class StepParameters {

    static final String DEFAULT_TICK = "5s";
    static final String DEFAULT_THRESHOLDS = "95,75";
    static final String DEFAULT_PROGRESS_DEADLINE = "10m";
    /** The CLI's default initial weight (deployment.strategies.canary.initial_weight). */
    static final int DEFAULT_INITIAL_WEIGHT = 20;

    private StepParameters() {
    }

    /** Whether {@code plan} is the plan itself (several lines, or JSON) rather than a workspace path. */
    static boolean isInlinePlan(String plan) {
        return plan != null && (plan.contains("\n") || plan.trim().startsWith("{"));
    }

    /** The default plan's text, as the CLI uses it when no plan is given. */
    static String defaultPlan() {
        return PlanText.render(RolloutPlan.defaultPlan(DEFAULT_INITIAL_WEIGHT));
    }

    /**
     * The spec of the rollout.
     *
     * @throws IllegalArgumentException (from the core) naming the wrong field
     */
    static CanarySpec spec(AiCanaryDeployStep step, String planText) {
        RolloutPlanParser.parse(planText, "plan of aiCanaryDeploy");
        String service = step.getService() == null ? step.getDeployment() : step.getService();
        return new CanarySpec(step.getNamespace(), step.getDeployment(), step.getContainer(), step.getImage(),
                service, planText, AnalysisMetric.defaults(), thresholds(step.getThresholds()),
                duration("progressDeadline", step.getProgressDeadline()), Map.of());
    }

    /** {@code PASS,MARGINAL}, e.g. {@code 95,75}. */
    static Thresholds thresholds(String text) {
        String[] parts = Util.fixNull(text).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("thresholds '" + text + "' must be PASS,MARGINAL, e.g. 95,75");
        }
        try {
            return new Thresholds(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("thresholds '" + text + "' must be PASS,MARGINAL, e.g. 95,75", e);
        }
    }

    /** A positive duration such as 30s, 5m or 1m30s. */
    static Duration duration(String field, String text) {
        return DurationText.parse(Util.fixNull(text)).filter(d -> !d.isZero() && !d.isNegative())
                .orElseThrow(() -> new IllegalArgumentException(field + " '" + text + "' is not a duration such as "
                        + "30s, 5m, 1h or 1m30s"));
    }

    static FormValidation checkName(String field, String value) {
        return check(() -> new CanarySpec("namespace".equals(field) ? Util.fixNull(value) : "default", "deployment".equals(field)
                ? Util.fixNull(value) : "check", null, "check:1", "service".equals(field) ? Util.fixNull(value)
                : "check", defaultPlan(), AnalysisMetric.defaults(), Thresholds.DEFAULT,
                CanarySpec.DEFAULT_PROGRESS_DEADLINE, Map.of()), field, value);
    }

    static FormValidation checkImage(String value) {
        return check(() -> new CanarySpec("default", "check", null, Util.fixNull(value).trim(), "check",
                defaultPlan(), AnalysisMetric.defaults(), Thresholds.DEFAULT, CanarySpec.DEFAULT_PROGRESS_DEADLINE,
                Map.of()), "image", value);
    }

    /** An inline plan is parsed; a file path is checked when the build reads it. */
    static FormValidation checkPlan(String value) {
        if (!isInlinePlan(value)) {
            return FormValidation.ok();
        }
        try {
            RolloutPlanParser.parse(value, "plan");
            return FormValidation.ok();
        } catch (PlanException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkPrometheusUrl(String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok("Without a URL each pod's own metrics endpoint is scraped.");
        }
        return check(() -> PrometheusConfig.of(value.trim()), "prometheusUrl", value);
    }

    static FormValidation checkDuration(String field, String value) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : check(() -> duration(field, value), field,
                value);
    }

    static FormValidation checkThresholds(String value) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : check(() -> thresholds(value),
                "thresholds", value);
    }

    private static FormValidation check(Supplier<?> validation, String field, String value) {
        try {
            validation.get();
            return FormValidation.ok();
        } catch (IllegalArgumentException | PlanException | NullPointerException e) {
            return FormValidation.error(e.getMessage() == null ? field + " is required" : e.getMessage());
        }
    }
}
