package io.aidevops.ai.resources;

import java.time.Duration;
import java.util.Objects;

/**
 * How the resource advisor turns usage into requests and limits.
 *
 * @param cpuRequestHeadroom CPU request = p90 x this, at least 1
 * @param cpuLimit whether to recommend a CPU limit at all
 * @param cpuLimitFactor CPU limit = p99 x this when {@code cpuLimit} asks for one, at least 1
 * @param memoryRequestBasis which statistic the memory request starts from
 * @param memoryRequestHeadroom memory request = basis x this, at least 1
 * @param memoryLimitFactor memory limit = observed peak x this, at least {@link #MIN_MEMORY_LIMIT_FACTOR}
 * @param minSamples fewer samples (all canary pods together) and nothing is recommended, at least 3
 * @param minSpan a window shorter than this and nothing is recommended
 * @param trendAlpha significance level of the upward-trend test, in (0, 0.5]
 * @param trendHorizon a recommended limit must not be reached by the trend within this time
 */
public record ResourcePolicy(double cpuRequestHeadroom, CpuLimit cpuLimit, double cpuLimitFactor,
        MemoryBasis memoryRequestBasis, double memoryRequestHeadroom, double memoryLimitFactor, int minSamples,
        Duration minSpan, double trendAlpha, Duration trendHorizon) {

    /**
     * Memory cannot be throttled, only OOM-killed: less than 20 % above the peak seen in one analysis window leaves
     * no room for a GC cycle or a burst the window did not catch.
     */
    public static final double MIN_MEMORY_LIMIT_FACTOR = 1.2;

    /**
     * p90 + 15 % for CPU, no CPU limit, p95 + 15 % for the memory request, peak + 20 % for its limit, at least 30
     * samples over 10 minutes, trend test at 1 %, one hour horizon.
     */
    public static final ResourcePolicy DEFAULT = new ResourcePolicy(1.15, CpuLimit.NONE, 2.0, MemoryBasis.P95, 1.15,
            MIN_MEMORY_LIMIT_FACTOR, 30, Duration.ofMinutes(10), 0.01, Duration.ofHours(1));

    /** Whether a CPU limit is recommended. */
    public enum CpuLimit {
        /** No limit: the request guarantees the share, and a limit would only throttle bursts. */
        NONE,
        /** p99 x {@code cpuLimitFactor}, for namespaces whose LimitRange or quota demands a limit. */
        P99_TIMES_FACTOR
    }

    /** Which statistic the memory request starts from. */
    public enum MemoryBasis {
        /** The 95th percentile: pays for typical use; peaks above it run beyond the request. */
        P95,
        /** The observed peak: the pod never uses more than it requested in the window. */
        MAX
    }

    /** @throws IllegalArgumentException naming the field that is out of range */
    public ResourcePolicy {
        Objects.requireNonNull(cpuLimit, "cpuLimit");
        Objects.requireNonNull(memoryRequestBasis, "memoryRequestBasis");
        Objects.requireNonNull(minSpan, "minSpan");
        Objects.requireNonNull(trendHorizon, "trendHorizon");
        requireAtLeast("cpuRequestHeadroom", cpuRequestHeadroom, 1);
        requireAtLeast("cpuLimitFactor", cpuLimitFactor, 1);
        requireAtLeast("memoryRequestHeadroom", memoryRequestHeadroom, 1);
        requireAtLeast("memoryLimitFactor", memoryLimitFactor, MIN_MEMORY_LIMIT_FACTOR);
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3, but was " + minSamples);
        }
        if (minSpan.isNegative()) {
            throw new IllegalArgumentException("minSpan must not be negative, but was " + minSpan);
        }
        if (!(trendAlpha > 0 && trendAlpha <= 0.5)) {
            throw new IllegalArgumentException("trendAlpha must be in (0, 0.5], but was " + trendAlpha);
        }
        if (trendHorizon.isZero() || trendHorizon.isNegative()) {
            throw new IllegalArgumentException("trendHorizon must be positive, but was " + trendHorizon);
        }
    }

    /** This policy with a CPU limit of p99 x {@code factor}, or none. */
    public ResourcePolicy withCpuLimit(CpuLimit value, double factor) {
        return new ResourcePolicy(cpuRequestHeadroom, value, factor, memoryRequestBasis, memoryRequestHeadroom,
                memoryLimitFactor, minSamples, minSpan, trendAlpha, trendHorizon);
    }

    /** This policy with another memory request basis. */
    public ResourcePolicy withMemoryRequestBasis(MemoryBasis value) {
        return new ResourcePolicy(cpuRequestHeadroom, cpuLimit, cpuLimitFactor, value, memoryRequestHeadroom,
                memoryLimitFactor, minSamples, minSpan, trendAlpha, trendHorizon);
    }

    /** This policy with another minimum sample rule. */
    public ResourcePolicy withMinimum(int samples, Duration span) {
        return new ResourcePolicy(cpuRequestHeadroom, cpuLimit, cpuLimitFactor, memoryRequestBasis,
                memoryRequestHeadroom, memoryLimitFactor, samples, span, trendAlpha, trendHorizon);
    }

    private static void requireAtLeast(String field, double value, double minimum) {
        if (!(value >= minimum) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number of at least " + minimum
                    + ", but was " + value);
        }
    }
}
