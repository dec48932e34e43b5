package io.aidevops.ai.resources;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A container's requests and limits; an empty value means "not set".
 *
 * @param cpuRequestMillicores CPU request
 * @param cpuLimitMillicores CPU limit
 * @param memoryRequestBytes memory request
 * @param memoryLimitBytes memory limit
 */
public record ResourceSettings(OptionalLong cpuRequestMillicores, OptionalLong cpuLimitMillicores,
        OptionalLong memoryRequestBytes, OptionalLong memoryLimitBytes) {

    /** Nothing set. */
    public static final ResourceSettings NONE = new ResourceSettings(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty());

    /**
     * @throws IllegalArgumentException naming the field that is negative, or a limit below its request (which
     *     Kubernetes rejects too)
     */
    public ResourceSettings {
        Objects.requireNonNull(cpuRequestMillicores, "cpuRequestMillicores");
        Objects.requireNonNull(cpuLimitMillicores, "cpuLimitMillicores");
        Objects.requireNonNull(memoryRequestBytes, "memoryRequestBytes");
        Objects.requireNonNull(memoryLimitBytes, "memoryLimitBytes");
        requireNotNegative("cpuRequestMillicores", cpuRequestMillicores);
        requireNotNegative("cpuLimitMillicores", cpuLimitMillicores);
        requireNotNegative("memoryRequestBytes", memoryRequestBytes);
        requireNotNegative("memoryLimitBytes", memoryLimitBytes);
        requireLimitAboveRequest("cpu", cpuRequestMillicores, cpuLimitMillicores);
        requireLimitAboveRequest("memory", memoryRequestBytes, memoryLimitBytes);
    }

    /**
     * Settings from the quantity strings of a pod spec, null for "not set": {@code of("250m", null, "256Mi",
     * "512Mi")}.
     *
     * @throws IllegalArgumentException if a string is not a quantity
     */
    public static ResourceSettings of(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
        return new ResourceSettings(cpu(cpuRequest), cpu(cpuLimit), memory(memoryRequest), memory(memoryLimit));
    }

    /** The request of {@code kind} (millicores or bytes). */
    public OptionalLong request(ResourceKind kind) {
        return kind == ResourceKind.CPU ? cpuRequestMillicores : memoryRequestBytes;
    }

    /** The limit of {@code kind} (millicores or bytes). */
    public OptionalLong limit(ResourceKind kind) {
        return kind == ResourceKind.CPU ? cpuLimitMillicores : memoryLimitBytes;
    }

    private static OptionalLong cpu(String text) {
        return text == null ? OptionalLong.empty() : OptionalLong.of(Quantities.parseCpu(text));
    }

    private static OptionalLong memory(String text) {
        return text == null ? OptionalLong.empty() : OptionalLong.of(Quantities.parseMemory(text));
    }

    private static void requireNotNegative(String field, OptionalLong value) {
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, but was " + value.getAsLong());
        }
    }

    private static void requireLimitAboveRequest(String what, OptionalLong request, OptionalLong limit) {
        if (request.isPresent() && limit.isPresent() && limit.getAsLong() < request.getAsLong()) {
            throw new IllegalArgumentException(what + " limit " + limit.getAsLong() + " must not be below the "
                    + what + " request " + request.getAsLong());
        }
    }
}
