package io.aidevops.ai.resources;

import java.util.List;
import java.util.Objects;

/**
 * The advice for one resource.
 *
 * @param kind CPU or memory
 * @param sufficientData whether there were enough samples; if not, request and limit keep their current values
 * @param usage what the canary's pods used
 * @param trend whether usage grows over the window
 * @param request the request, current and recommended
 * @param limit the limit, current and recommended (empty recommended value: no limit)
 * @param reasons how the numbers were reached
 * @param warnings what needs attention
 */
public record ResourceRecommendation(ResourceKind kind, boolean sufficientData, UsageStats usage, Trend trend,
        Change request, Change limit, List<String> reasons, List<String> warnings) {

    /** Copies the lists. */
    public ResourceRecommendation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(limit, "limit");
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
