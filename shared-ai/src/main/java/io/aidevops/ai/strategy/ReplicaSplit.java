package io.aidevops.ai.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How many pods of each version serve a canary weight, and the weight that split really gives.
 *
 * <p>Without a traffic router one Service spreads new connections over the ready pods of both versions, so the
 * canary's share of traffic is its share of pods ({@link #of}). The split follows Argo Rollouts' basic-canary rule, so
 * a rollout behaves the same whichever of the two tools drives it:
 * <ol>
 *   <li>candidates are {@code ceil(N w / 100)} and {@code floor(N w / 100)} canary pods out of N pods in total, and
 *       out of N + 1 when a surge pod is allowed;</li>
 *   <li>for 0 &lt; w &lt; 100 neither version may be left without a pod (unless N = 1 and no surge is allowed): a
 *       floor of 0 is dropped, and so is ceil when it equals N (its surge variant stays);</li>
 *   <li>when {@code N w / 100} ends in exactly .5 the floor candidates are dropped (ties round up);</li>
 *   <li>the candidate closest to w wins; on a tie the earlier in the order (ceil, N), (floor, N), (ceil, N + 1),
 *       (floor, N + 1).</li>
 * </ol>
 * Should the rules leave nothing (x.5 just below N without surge, e.g. N = 2 at 75 %), the floor out of N is kept, so
 * that both versions still serve.
 *
 * <p>With a router ({@link #withTrafficRouter}) the router sets the weight exactly and the canary only needs enough
 * pods to carry it: {@code ceil(N w / 100)}, at least one, while the stable side stays at N.
 *
 * @param canary canary pods
 * @param stable stable pods
 * @param requestedPercent the weight asked for, 0 to 100
 * @param actualPercent the share of traffic the canary gets, 0 to 100
 * @param warning set when the actual weight is far from the requested one ({@link #WARN_GAP_POINTS},
 *     {@link #WARN_GAP_RELATIVE})
 */
public record ReplicaSplit(int canary, int stable, int requestedPercent, double actualPercent,
        Optional<String> warning) {

    /** A gap of this many percentage points between actual and requested weight is worth a warning. */
    public static final double WARN_GAP_POINTS = 5;

    /**
     * A gap of this share of the requested weight is worth a warning too: 9 % instead of 5 % is only 4 points, but
     * nearly twice the users exposed to the canary.
     */
    public static final double WARN_GAP_RELATIVE = 0.5;

    /**
     * @throws IllegalArgumentException if a count is negative or the weights are outside 0 to 100
     */
    public ReplicaSplit {
        requireAtLeast("canary", canary, 0);
        requireAtLeast("stable", stable, 0);
        requireWeight(requestedPercent);
        if (!(actualPercent >= 0 && actualPercent <= 100)) {
            throw new IllegalArgumentException("actualPercent must be 0 to 100, but was " + actualPercent);
        }
        warning = warning == null ? Optional.empty() : warning;
    }

    /**
     * The replica-based split of {@code replicas} pods for a canary weight, without a traffic router.
     *
     * @param replicas the workload's replica count N, at least 0
     * @param weightPercent the canary weight w, 0 to 100
     * @param maxSurge how many pods may run above N (only whether it is 0 matters), at least 0
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static ReplicaSplit of(int replicas, int weightPercent, int maxSurge) {
        requireAtLeast("replicas", replicas, 0);
        requireWeight(weightPercent);
        requireAtLeast("maxSurge", maxSurge, 0);
        if (replicas == 0) {
            return new ReplicaSplit(0, 0, weightPercent, 0, Optional.of("0 replicas: there is no traffic to split"));
        }
        long scaled = (long) replicas * weightPercent;
        int ceil = (int) ((scaled + 99) / 100);
        int floor = (int) (scaled / 100);
        boolean interior = weightPercent > 0 && weightPercent < 100;
        boolean mayLeaveSideEmpty = replicas == 1 && maxSurge == 0;
        boolean half = scaled % 100 == 50;

        List<int[]> candidates = new ArrayList<>();
        candidates.add(new int[] {ceil, replicas});
        candidates.add(new int[] {floor, replicas});
        if (maxSurge > 0) {
            candidates.add(new int[] {ceil, replicas + 1});
            candidates.add(new int[] {floor, replicas + 1});
        }
        List<int[]> allowed = new ArrayList<>();
        for (int[] candidate : candidates) {
            boolean isFloor = candidate[0] == floor && floor != ceil;
            if (interior && !mayLeaveSideEmpty
                    && (candidate[0] == 0 || (candidate[0] == candidate[1]))) {
                continue;
            }
            if (half && isFloor) {
                continue;
            }
            allowed.add(candidate);
        }
        if (allowed.isEmpty()) {
            allowed.add(new int[] {floor, replicas});
        }
        int[] best = allowed.get(0);
        for (int[] candidate : allowed) {
            if (distance(candidate, weightPercent) < distance(best, weightPercent)) {
                best = candidate;
            }
        }
        double actual = 100.0 * best[0] / best[1];
        return new ReplicaSplit(best[0], best[1] - best[0], weightPercent, actual,
                gapWarning(replicas, weightPercent, best[0], best[1] - best[0], actual, maxSurge));
    }

    /**
     * The split when a traffic router (service mesh, Gateway API, ingress) sets the weight: exact weight, canary pods
     * {@code ceil(N w / 100)} (at least one while the weight is above 0), stable pods N.
     *
     * @param replicas the workload's replica count N, at least 0
     * @param weightPercent the canary weight w, 0 to 100
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public static ReplicaSplit withTrafficRouter(int replicas, int weightPercent) {
        requireAtLeast("replicas", replicas, 0);
        requireWeight(weightPercent);
        int canary = (int) (((long) replicas * weightPercent + 99) / 100);
        if (weightPercent > 0 && replicas > 0) {
            canary = Math.max(1, canary);
        }
        return new ReplicaSplit(canary, replicas, weightPercent, replicas == 0 ? 0 : weightPercent,
                Optional.empty());
    }

    /** All pods of both versions. */
    public int total() {
        return canary + stable;
    }

    /** The split as {@code canary:stable}, e.g. {@code 1:3}. */
    public String ratio() {
        return canary + ":" + stable;
    }

    /** The actual weight rounded to a whole percent, as a {@code setWeight} step would carry it. */
    public int roundedPercent() {
        return (int) Math.round(actualPercent);
    }

    private static double distance(int[] candidate, int weightPercent) {
        return Math.abs(100.0 * candidate[0] / candidate[1] - weightPercent);
    }

    private static Optional<String> gapWarning(int replicas, int requested, int canary, int stable, double actual,
            int maxSurge) {
        double gap = Math.abs(actual - requested);
        boolean far = gap >= WARN_GAP_POINTS || (requested > 0 && gap >= WARN_GAP_RELATIVE * requested);
        if (!far) {
            return Optional.empty();
        }
        // The ratio shows a surge pod by itself (1:3 out of 3 replicas).
        String pods = replicas + (replicas == 1 ? " replica" : " replicas");
        String split = "(" + canary + ":" + stable + " = " + percent(actual) + ")";
        if (canary == 0 && requested > 0) {
            return Optional.of(pods + (maxSurge == 0 ? " without surge" : "") + ": a " + requested
                    + " % weight cannot be served " + split + "; allow a surge pod or add a replica");
        }
        return Optional.of(pods + ": a " + requested + " % weight can only be approximated " + split);
    }

    /** A percentage for reason texts: whole numbers as such, others to one decimal. */
    static String percent(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded)) + " %";
    }

    private static void requireAtLeast(String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + ", but was " + value);
        }
    }

    private static void requireWeight(int weightPercent) {
        if (weightPercent < 0 || weightPercent > 100) {
            throw new IllegalArgumentException("weightPercent must be 0 to 100, but was " + weightPercent);
        }
    }
}
