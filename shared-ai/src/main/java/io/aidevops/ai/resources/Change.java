package io.aidevops.ai.resources;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A request or limit: what it is now and what the advisor recommends. Empty means "not set" (for a limit: no limit).
 *
 * @param kind CPU (millicores) or memory (bytes)
 * @param current the current value
 * @param recommended the recommended value
 */
public record Change(ResourceKind kind, OptionalLong current, OptionalLong recommended) {

    /** @throws NullPointerException if a component is null */
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(recommended, "recommended");
    }

    /** The current value as a Kubernetes quantity, or {@code none}. */
    public String currentQuantity() {
        return current.isPresent() ? kind.format(current.getAsLong()) : "none";
    }

    /** The recommended value as a Kubernetes quantity, or {@code none}. */
    public String recommendedQuantity() {
        return recommended.isPresent() ? kind.format(recommended.getAsLong()) : "none";
    }

    /** The change in per cent of the current value; empty unless both are set and the current one is above 0. */
    public OptionalDouble changePercent() {
        if (current.isEmpty() || recommended.isEmpty() || current.getAsLong() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (recommended.getAsLong() - current.getAsLong()) / current.getAsLong());
    }

    /** Whether the recommendation differs from the current value. */
    public boolean changed() {
        return !current.equals(recommended);
    }

    /** {@code 500m -> 350m (-30 %)}, {@code none -> 384Mi}, or {@code 250m (unchanged)}. */
    public String describe() {
        if (!changed()) {
            return currentQuantity() + " (unchanged)";
        }
        String percent = changePercent().isPresent()
                ? " (" + (changePercent().getAsDouble() > 0 ? "+" : "") + Math.round(changePercent().getAsDouble())
                        + " %)"
                : "";
        return currentQuantity() + " -> " + recommendedQuantity() + percent;
    }
}
