package io.aidevops.ai.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The resource advisor's answer.
 *
 * @param cpu the CPU advice
 * @param memory the memory advice
 * @param savings requests freed or needed compared with the current settings
 * @param reasons sentences about both resources (savings, comparison with the baseline)
 * @param warnings warnings about both resources (e.g. the canary uses much more than the baseline)
 */
public record ResourceAdvice(ResourceRecommendation cpu, ResourceRecommendation memory, Savings savings,
        List<String> reasons, List<String> warnings) {

    /** Copies the lists. */
    public ResourceAdvice {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(savings, "savings");
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }

    /** The advice for {@code kind}. */
    public ResourceRecommendation of(ResourceKind kind) {
        return kind == ResourceKind.CPU ? cpu : memory;
    }

    /** Every warning: CPU's, memory's, then the shared ones. */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(cpu.warnings());
        all.addAll(memory.warnings());
        all.addAll(warnings);
        return all;
    }
}
