package io.aidevops.ai.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Recommends requests and limits from the usage a canary showed.
 *
 * <ul>
 *   <li>CPU request: p90 x headroom. CPU is compressible: short bursts above the request borrow idle cores.</li>
 *   <li>CPU limit: none by default, because a limit throttles the container within each 100 ms CFS period even on an
 *       idle node; or p99 x factor where a limit is mandatory.</li>
 *   <li>Memory request: p95 (or the peak) x headroom. Memory is not compressible: a pod above its request is the
 *       first to be evicted under node pressure.</li>
 *   <li>Memory limit: peak x factor (at least 1.2), never below the peak, never below the request.</li>
 *   <li>Minimum sample rule: with too few samples or too short a window the current values are kept.</li>
 *   <li>Trend: when usage grows significantly, a limit is raised until the trend cannot reach it within the horizon,
 *       and a warning says so (for memory: a possible leak).</li>
 * </ul>
 * Every value is rounded up to a friendly step (10m, 8Mi) and rendered as a Kubernetes quantity.
 *
 * <p>Pure computation: no I/O, no clock, no cluster access.
 */
public final class ResourceAdvisor {

    /** A canary using this many per cent more than the baseline gets a warning. */
    public static final double BASELINE_WARN_PERCENT = 20;

    /** A current CPU limit reached this closely by the p99 is probably throttling the container. */
    public static final double THROTTLE_SHARE = 0.9;

    private ResourceAdvisor() {
    }

    /** Advice with {@link ResourcePolicy#DEFAULT}. */
    public static ResourceAdvice recommend(ResourceInput input) {
        return recommend(input, ResourcePolicy.DEFAULT);
    }

    /**
     * Recommends CPU and memory requests and limits.
     *
     * @param input the usage and the current settings
     * @param policy how usage becomes settings
     * @return the advice, with reasons and warnings
     */
    public static ResourceAdvice recommend(ResourceInput input, ResourcePolicy policy) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(policy, "policy");
        ResourceRecommendation cpu = advise(ResourceKind.CPU, input, policy);
        ResourceRecommendation memory = advise(ResourceKind.MEMORY, input, policy);
        Savings savings = new Savings(freed(cpu), freed(memory), input.replicas());
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (comparable(cpu) || comparable(memory)) {
            reasons.add(savings.describe());
        } else {
            reasons.add("no current request with enough data to compare: no savings estimate");
        }
        compareWithBaseline(input, policy, cpu, reasons, warnings);
        compareWithBaseline(input, policy, memory, reasons, warnings);
        return new ResourceAdvice(cpu, memory, savings, reasons, warnings);
    }

    private static ResourceRecommendation advise(ResourceKind kind, ResourceInput input, ResourcePolicy policy) {
        UsageStats usage = UsageStats.of(input.canary(), kind, input.sampleInterval());
        OptionalLong currentRequest = input.current().request(kind);
        OptionalLong currentLimit = input.current().limit(kind);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String label = kind.label();

        if (usage.samples() < policy.minSamples() || usage.span().compareTo(policy.minSpan()) < 0) {
            reasons.add("only " + usage.samples() + " " + label + " samples over " + minutes(usage.span())
                    + " (at least " + policy.minSamples() + " over " + minutes(policy.minSpan())
                    + " needed): too few to recommend, keeping request " + format(kind, currentRequest)
                    + " and limit " + format(kind, currentLimit));
            return new ResourceRecommendation(kind, false, usage, Trend.NOT_TESTED,
                    new Change(kind, currentRequest, currentRequest), new Change(kind, currentLimit, currentLimit),
                    reasons, warnings);
        }

        Trend trend = TrendTest.test(input.canary(), kind, input.sampleInterval(), policy.trendAlpha(),
                policy.trendHorizon(), usage.max());
        long request;
        OptionalLong limit;
        if (kind == ResourceKind.CPU) {
            request = kind.roundUp(usage.p90() * policy.cpuRequestHeadroom());
            reasons.add("CPU request " + kind.format(request) + " = p90 " + kind.describe(usage.p90()) + " x "
                    + factor(policy.cpuRequestHeadroom()) + ", rounded up to "
                    + Quantities.CPU_STEP_MILLICORES + "m");
            limit = cpuLimit(usage, request, policy, reasons);
            throttling(usage, currentLimit, warnings);
        } else {
            boolean peak = policy.memoryRequestBasis() == ResourcePolicy.MemoryBasis.MAX;
            double basis = peak ? usage.max() : usage.p95();
            request = kind.roundUp(basis * policy.memoryRequestHeadroom());
            reasons.add("memory request " + kind.format(request) + " = " + (peak ? "peak " : "p95 ")
                    + kind.describe(basis) + " x " + factor(policy.memoryRequestHeadroom()) + ", rounded up to "
                    + kind.format(Quantities.MEMORY_STEP_BYTES));
            if (!peak && usage.max() > request) {
                reasons.add("peaks up to " + kind.describe(usage.max()) + " exceed the request; under node memory "
                        + "pressure a pod above its request is evicted first (basis MAX requests the peak)");
            }
            long byPeak = Math.max(kind.roundUp(usage.max() * policy.memoryLimitFactor()), request);
            limit = OptionalLong.of(byPeak);
            reasons.add("memory limit " + kind.format(byPeak) + " = peak " + kind.describe(usage.max()) + " x "
                    + factor(policy.memoryLimitFactor()) + ": memory cannot be throttled, only OOM-killed, so the"
                    + " limit clears the observed peak with room to spare");
        }
        limit = followTrend(kind, usage, trend, limit, currentLimit, policy, reasons, warnings);
        reasons.add(label + " request " + new Change(kind, currentRequest, OptionalLong.of(request)).describe()
                + ", limit " + new Change(kind, currentLimit, limit).describe());
        return new ResourceRecommendation(kind, true, usage, trend,
                new Change(kind, currentRequest, OptionalLong.of(request)), new Change(kind, currentLimit, limit),
                reasons, warnings);
    }

    private static OptionalLong cpuLimit(UsageStats usage, long request, ResourcePolicy policy,
            List<String> reasons) {
        if (policy.cpuLimit() == ResourcePolicy.CpuLimit.NONE) {
            reasons.add("no CPU limit: once a container has used its limit within a 100 ms CFS period the kernel "
                    + "throttles it for the rest of the period, even on an idle node, which shows as tail latency; "
                    + "the " + Quantities.cpu(request) + " request already guarantees its share under contention "
                    + "(use P99_TIMES_FACTOR where a LimitRange or quota demands a limit)");
            return OptionalLong.empty();
        }
        long limit = Math.max(ResourceKind.CPU.roundUp(usage.p99() * policy.cpuLimitFactor()), request);
        reasons.add("CPU limit " + Quantities.cpu(limit) + " = p99 " + ResourceKind.CPU.describe(usage.p99())
                + " x " + factor(policy.cpuLimitFactor()) + ": bursts up to that run unthrottled, beyond it the "
                + "container is throttled instead of taking cores from its neighbours");
        return OptionalLong.of(limit);
    }

    private static void throttling(UsageStats usage, OptionalLong currentLimit, List<String> warnings) {
        if (currentLimit.isEmpty() || currentLimit.getAsLong() == 0) {
            return;
        }
        double limitCores = currentLimit.getAsLong() / 1000.0;
        if (usage.p99() >= THROTTLE_SHARE * limitCores) {
            warnings.add("p99 CPU " + ResourceKind.CPU.describe(usage.p99()) + " is "
                    + Math.round(100 * usage.p99() / limitCores) + " % of the current "
                    + Quantities.cpu(currentLimit.getAsLong()) + " limit: the container is probably being throttled");
        }
    }

    /** Raises a limit the trend would reach within the horizon, and warns about the trend. */
    private static OptionalLong followTrend(ResourceKind kind, UsageStats usage, Trend trend, OptionalLong limit,
            OptionalLong currentLimit, ResourcePolicy policy, List<String> reasons, List<String> warnings) {
        String label = kind.label();
        if (!trend.tested()) {
            reasons.add("too few samples per pod for a trend test");
            return limit;
        }
        String slope = kind.describe(trend.slopePerHour()) + "/h";
        if (!trend.rising()) {
            reasons.add("no relevant upward " + label + " trend (" + slope + ", " + pText(trend.pValue()) + ")");
            return limit;
        }
        double horizonHours = policy.trendHorizon().toNanos() / 3.6e12;
        String horizon = minutes(policy.trendHorizon());
        warnings.add(label + " usage grows " + slope + " (" + pText(trend.pValue()) + ") over the "
                + minutes(usage.span()) + " window" + (kind == ResourceKind.MEMORY
                        ? ": a possible leak; a higher limit only postpones the OOM kill"
                        : ": rising load or accumulating work; check again over a longer window"));
        double projected = usage.max() + trend.slopePerHour() * horizonHours;
        OptionalLong result = limit;
        if (limit.isPresent() && toSample(kind, limit.getAsLong()) < projected) {
            long raised = kind.roundUp(projected);
            reasons.add("at " + slope + " the peak " + kind.describe(usage.max()) + " would reach the "
                    + kind.format(limit.getAsLong()) + " limit within " + horizon + ": limit raised to "
                    + kind.format(raised) + " (peak + " + horizon + " of growth)");
            result = OptionalLong.of(raised);
        }
        if (currentLimit.isPresent()) {
            double hours = (toSample(kind, currentLimit.getAsLong()) - usage.max()) / trend.slopePerHour();
            if (hours <= horizonHours) {
                warnings.add("at " + slope + " the current " + kind.format(currentLimit.getAsLong()) + " limit is "
                        + (hours <= 0 ? "already reached" : "reached in " + Math.round(hours * 60) + " min"));
            }
        }
        return result;
    }

    private static void compareWithBaseline(ResourceInput input, ResourcePolicy policy, ResourceRecommendation canary,
            List<String> reasons, List<String> warnings) {
        if (input.baseline().isEmpty() || !canary.sufficientData()) {
            return;
        }
        ResourceKind kind = canary.kind();
        UsageStats baseline = UsageStats.of(input.baseline(), kind, input.sampleInterval());
        if (baseline.samples() < policy.minSamples()) {
            reasons.add("only " + baseline.samples() + " baseline " + kind.label() + " samples: no comparison");
            return;
        }
        boolean cpu = kind == ResourceKind.CPU;
        String statistic = cpu ? "p90" : "p95";
        double ours = cpu ? canary.usage().p90() : canary.usage().p95();
        double theirs = cpu ? baseline.p90() : baseline.p95();
        String comparison = "canary " + statistic + " " + kind.label() + " " + kind.describe(ours) + " vs baseline "
                + kind.describe(theirs);
        if (theirs <= 0) {
            reasons.add(comparison);
            return;
        }
        double percent = 100 * (ours - theirs) / theirs;
        reasons.add(comparison + " (" + (percent >= 0 ? "+" : "") + Math.round(percent) + " %)");
        if (percent > BASELINE_WARN_PERCENT) {
            warnings.add("the canary uses " + Math.round(percent) + " % more " + kind.label() + " than the baseline ("
                    + statistic + "): the recommendation follows the canary, the version being rolled out; check "
                    + "that the increase is intended");
        }
    }

    private static boolean comparable(ResourceRecommendation advice) {
        return advice.sufficientData() && advice.request().current().isPresent();
    }

    private static long freed(ResourceRecommendation advice) {
        if (!comparable(advice)) {
            return 0;
        }
        return advice.request().current().getAsLong() - advice.request().recommended().getAsLong();
    }

    private static double toSample(ResourceKind kind, long setting) {
        return kind == ResourceKind.CPU ? setting / 1000.0 : setting;
    }

    private static String format(ResourceKind kind, OptionalLong value) {
        return value.isPresent() ? kind.format(value.getAsLong()) : "none";
    }

    private static String factor(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String pText(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static String minutes(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
    }
}
