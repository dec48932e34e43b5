package io.aidevops.controller.advise;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aidevops.ai.resources.Change;
import io.aidevops.ai.resources.ResourceAdvice;
import io.aidevops.ai.resources.ResourceRecommendation;
import io.aidevops.ai.resources.Savings;
import io.aidevops.ai.resources.UsageStats;

/**
 * The JSON form of resource advice that {@code aidevops advise resources --format json} prints and
 * {@code POST /api/v1/advise/resources} answers. Settings are Kubernetes quantities ({@code "350m"},
 * {@code "312Mi"}, null for "not set"); usage is in the samples' unit (cores, bytes). Numbers that do not exist (a
 * percentile of no samples) are left out rather than written as NaN.
 *
 * @param cpu the CPU advice
 * @param memory the memory advice
 * @param savings requests freed (positive) or needed (negative)
 * @param reasons sentences about both resources
 * @param warnings every warning: CPU's, memory's and the shared ones
 */
public record ResourceView(Resource cpu, Resource memory, SavingsView savings, List<String> reasons,
        List<String> warnings) {

    /**
     * The advice for one resource.
     *
     * @param sufficientData whether there were enough samples; if not, the current settings are kept
     * @param usage what the canary used
     * @param trend whether usage grows
     * @param request current and recommended request
     * @param limit current and recommended limit (null: no limit)
     * @param reasons how the numbers were reached
     * @param warnings what needs attention
     */
    public record Resource(boolean sufficientData, Usage usage, TrendView trend, Setting request, Setting limit,
            List<String> reasons, List<String> warnings) {
    }

    /**
     * Usage statistics over all canary pods.
     *
     * @param samples how many samples
     * @param spanSeconds the window the samples cover
     * @param p50 median
     * @param p90 90th percentile
     * @param p95 95th percentile
     * @param p99 99th percentile
     * @param max the largest sample
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usage(int samples, long spanSeconds, Double p50, Double p90, Double p95, Double p99, Double max) {
    }

    /**
     * The upward-trend test.
     *
     * @param tested whether there were enough samples to test
     * @param slopePerHour growth per hour in the samples' unit
     * @param pValue the slope's p-value
     * @param rising significant and large enough to matter
     */
    public record TrendView(boolean tested, double slopePerHour, double pValue, boolean rising) {
    }

    /**
     * A request or limit.
     *
     * @param current the current value, null when not set
     * @param recommended the recommended value, null for none
     * @param changed whether they differ
     * @param changePercent the change in per cent of the current value, when both are set
     * @param describe e.g. {@code 250m -> 350m (+40 %)}
     */
    public record Setting(String current, String recommended, boolean changed, Double changePercent,
            String describe) {
    }

    /**
     * What the new requests free (positive) or need (negative).
     *
     * @param replicas pods counted
     * @param cpuMillicoresPerPod CPU request freed per pod
     * @param memoryBytesPerPod memory request freed per pod
     * @param cpuMillicoresTotal over all replicas
     * @param memoryBytesTotal over all replicas
     * @param describe the sentence
     */
    public record SavingsView(int replicas, long cpuMillicoresPerPod, long memoryBytesPerPod,
            long cpuMillicoresTotal, long memoryBytesTotal, String describe) {
    }

    /** The view of {@code advice}. */
    public static ResourceView of(ResourceAdvice advice) {
        Savings s = advice.savings();
        return new ResourceView(resource(advice.cpu()), resource(advice.memory()),
                new SavingsView(s.replicas(), s.cpuMillicoresPerPod(), s.memoryBytesPerPod(), s.cpuMillicoresTotal(),
                        s.memoryBytesTotal(), s.describe()),
                advice.reasons(), advice.allWarnings());
    }

    private static Resource resource(ResourceRecommendation r) {
        UsageStats u = r.usage();
        return new Resource(r.sufficientData(),
                new Usage(u.samples(), u.span().getSeconds(), finite(u.p50()), finite(u.p90()), finite(u.p95()),
                        finite(u.p99()), finite(u.max())),
                new TrendView(r.trend().tested(), r.trend().slopePerHour(), r.trend().pValue(), r.trend().rising()),
                setting(r.request()), setting(r.limit()), r.reasons(), r.warnings());
    }

    private static Setting setting(Change change) {
        return new Setting(change.current().isPresent() ? change.currentQuantity() : null,
                change.recommended().isPresent() ? change.recommendedQuantity() : null, change.changed(),
                change.changePercent().isPresent() ? change.changePercent().getAsDouble() : null, change.describe());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
