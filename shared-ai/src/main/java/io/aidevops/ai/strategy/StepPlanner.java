package io.aidevops.ai.strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sizes the step plan of a chosen strategy: which weights, how long each analysis runs, and the sentences that say
 * why. Separate from the scoring so the rules that pick a strategy and the rules that shape its plan stay small.
 */
final class StepPlanner {

    /**
     * A plan with its reasons.
     *
     * @param steps the steps
     * @param router the router the plan uses
     * @param reasons how the plan was sized
     * @param warnings what the user should know about it
     */
    record Plan(List<PlannedStep> steps, TrafficRouter router, List<String> reasons, List<String> warnings) {
    }

    private StepPlanner() {
    }

    /** The weights a canary aims for. Smaller first steps limit how many users a bad version reaches. */
    static int[] desiredWeights(Criticality level) {
        return switch (level) {
            case LOW -> new int[] {20, 50};
            case MEDIUM -> new int[] {10, 25, 50};
            case HIGH -> new int[] {5, 10, 25, 50};
            case CRITICAL -> new int[] {2, 5, 10, 25, 50, 75};
        };
    }

    /** The criticality whose step list the plan uses: one level finer after a troubled history. */
    static Criticality stepLevel(WorkloadProfile profile) {
        return profile.history().troubled() ? profile.criticality().raised() : profile.criticality();
    }

    /** The analysis length before traffic is considered: by criticality, doubled after a troubled history. */
    static Duration baseAnalysis(WorkloadProfile profile) {
        Duration base = switch (profile.criticality()) {
            case LOW -> Duration.ofMinutes(2);
            case MEDIUM -> Duration.ofMinutes(5);
            case HIGH -> Duration.ofMinutes(10);
            case CRITICAL -> Duration.ofMinutes(15);
        };
        return profile.history().troubled() ? base.multipliedBy(2) : base;
    }

    /** One surge pod when there is room for it; the split rule only asks whether surge is allowed. */
    static int maxSurge(WorkloadProfile profile) {
        return profile.sparePods() > 0 ? 1 : 0;
    }

    /**
     * The canary steps the workload can really serve, smallest first. Without a router, desired weights that land on
     * the same number of canary pods collapse into one step, and splits that leave a version without pods are
     * dropped; an empty list means no canary is possible.
     */
    static List<ReplicaSplit> canarySplits(WorkloadProfile profile) {
        List<ReplicaSplit> splits = new ArrayList<>();
        int lastCanary = 0;
        for (int weight : desiredWeights(stepLevel(profile))) {
            ReplicaSplit split = profile.router().routesByRequest()
                    ? ReplicaSplit.withTrafficRouter(profile.replicas(), weight)
                    : ReplicaSplit.of(profile.replicas(), weight, maxSurge(profile));
            if (profile.router().routesByRequest()) {
                splits.add(split);
            } else if (split.canary() > lastCanary && split.stable() > 0) {
                splits.add(split);
                lastCanary = split.canary();
            }
        }
        return splits;
    }

    /**
     * The weight a {@code setWeight} step carries for a split: the actual weight rounded, when that maps back to the
     * same split (so the plan shows what users really get); otherwise the requested weight.
     */
    static int stepWeight(WorkloadProfile profile, ReplicaSplit split) {
        if (profile.router().routesByRequest()) {
            return split.requestedPercent();
        }
        int rounded = split.roundedPercent();
        ReplicaSplit again = ReplicaSplit.of(profile.replicas(), rounded, maxSurge(profile));
        return again.canary() == split.canary() && again.stable() == split.stable() ? rounded
                : split.requestedPercent();
    }

    /** Seconds until the canary has seen the requests one analysis wants; infinite without traffic. */
    static double secondsToCollect(double requestsPerSecond, double weightPercent) {
        double canaryRate = requestsPerSecond * weightPercent / 100;
        return canaryRate <= 0 ? Double.POSITIVE_INFINITY : StrategyAdvisor.MIN_REQUESTS_PER_ANALYSIS / canaryRate;
    }

    /**
     * How long one analysis at {@code weightPercent} runs: the base length, longer when traffic is too thin to bring
     * {@link StrategyAdvisor#MIN_REQUESTS_PER_ANALYSIS} requests in that time, but never beyond
     * {@link StrategyAdvisor#MAX_ANALYSIS}. Without any traffic waiting does not help, so the base length stays.
     */
    static Duration analysis(WorkloadProfile profile, double weightPercent) {
        Duration base = baseAnalysis(profile);
        double seconds = secondsToCollect(profile.requestsPerSecond(), weightPercent);
        if (Double.isInfinite(seconds)) {
            return base;
        }
        Duration needed = Duration.ofMinutes((long) Math.ceil(seconds / 60));
        Duration capped = needed.compareTo(StrategyAdvisor.MAX_ANALYSIS) > 0 ? StrategyAdvisor.MAX_ANALYSIS : needed;
        return capped.compareTo(base) > 0 ? capped : base;
    }

    static Plan canary(WorkloadProfile profile) {
        List<ReplicaSplit> splits = canarySplits(profile);
        List<PlannedStep> steps = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (ReplicaSplit split : splits) {
            int weight = stepWeight(profile, split);
            weights.add(weight);
            steps.add(new PlannedStep.SetWeight(weight));
            // New pods start cold (JIT, caches, connection pools); their first minute would count against them.
            steps.add(new PlannedStep.Pause(StrategyAdvisor.WARM_UP));
            steps.add(new PlannedStep.Analysis(analysis(profile, split.actualPercent())));
        }
        steps.add(new PlannedStep.SetWeight(100));

        reasons.add(weightSentence(profile, splits, weights));
        reasons.add("each weight change is followed by a " + Durations.minutes(StrategyAdvisor.WARM_UP)
                + " warm-up pause, so start-up effects (JIT, caches) do not count against the canary");
        reasons.addAll(analysisSentences(profile));
        if (!splits.isEmpty()) {
            trafficSentence(profile, splits.get(0), reasons, warnings);
        }
        if (profile.autoscaled()) {
            Autoscaler hpa = profile.autoscaler();
            reasons.add("HPA min " + hpa.minReplicas() + " max " + hpa.maxReplicas()
                    + " on this Deployment: canary replicas are pinned during analysis");
            if (!profile.router().routesByRequest() && !splits.isEmpty() && hpa.minReplicas() != profile.replicas()) {
                ReplicaSplit atMin = ReplicaSplit.of(hpa.minReplicas(), splits.get(0).requestedPercent(),
                        maxSurge(profile));
                warnings.add("the HPA may scale the stable side between " + hpa.minReplicas() + " and "
                        + hpa.maxReplicas() + " pods, which moves the replica-based split: at " + hpa.minReplicas()
                        + " pods the first step is " + atMin.ratio() + " = " + ReplicaSplit.percent(
                                atMin.actualPercent()) + "; re-read the replica count before each step");
            }
        }
        capacitySentence(profile, splits, reasons, warnings);
        return new Plan(steps, profile.router(), reasons, warnings);
    }

    static Plan blueGreen(WorkloadProfile profile) {
        Duration smoke = baseAnalysis(profile);
        Duration after = analysis(profile, 100);
        Duration keepOld = baseAnalysis(profile).multipliedBy(2);
        List<PlannedStep> steps = List.of(new PlannedStep.Analysis(smoke), new PlannedStep.SetWeight(100),
                new PlannedStep.Analysis(after), new PlannedStep.Pause(keepOld));
        List<String> reasons = new ArrayList<>();
        String switcher = profile.router().routesByRequest() ? profile.router().label() + " switches"
                : "the Service selector switches";
        reasons.add("blue-green: the preview (" + pods(profile.replicas()) + ") gets a " + Durations.minutes(smoke)
                + " smoke check without user traffic, then " + switcher + " all traffic at once; a "
                + Durations.minutes(after) + " analysis follows and the old pods stay up "
                + Durations.minutes(keepOld) + " for an instant switch back");
        reasons.addAll(analysisSentences(profile));
        return new Plan(steps, profile.router(), reasons, List.of());
    }

    static Plan rolling(WorkloadProfile profile) {
        Duration after = analysis(profile, 100);
        List<PlannedStep> steps = List.of(new PlannedStep.SetWeight(100), new PlannedStep.Analysis(after));
        String surge = profile.sparePods() > 0
                ? "maxSurge 1, maxUnavailable 0 (" + profile.sparePods() + " spare pods): capacity never drops"
                : "maxSurge 0, maxUnavailable 1 (no spare pod): capacity drops by one pod of "
                        + profile.replicas() + " at a time";
        List<String> reasons = new ArrayList<>();
        reasons.add("rolling update with " + surge + "; a " + Durations.minutes(after)
                + " analysis after the last pod decides whether to roll back");
        return new Plan(steps, profile.router(), reasons, List.of());
    }

    static Plan recreate(WorkloadProfile profile) {
        Duration after = analysis(profile, 100);
        List<PlannedStep> steps = List.of(new PlannedStep.SetWeight(100), new PlannedStep.Analysis(after));
        List<String> reasons = List.of("recreate: all " + pods(profile.replicas())
                + " of the old version stop before the new ones start, so the service is down for one pod start-up;"
                + " a " + Durations.minutes(after) + " analysis follows");
        return new Plan(steps, profile.router(), reasons, List.of());
    }

    private static String weightSentence(WorkloadProfile profile, List<ReplicaSplit> splits, List<Integer> weights) {
        String using = "using " + joinPercents(weights);
        if (profile.router().routesByRequest()) {
            return profile.router().label() + " sets the weight per request: " + using + " regardless of the "
                    + pods(profile.replicas());
        }
        if (splits.isEmpty()) {
            return profile.replicas() + (profile.replicas() == 1 ? " replica" : " replicas")
                    + " without a traffic router and without a spare pod: no canary split leaves both versions a pod";
        }
        Optional<String> approximated = splits.stream().map(ReplicaSplit::warning).flatMap(Optional::stream)
                .findFirst();
        if (approximated.isEmpty()) {
            // A desired weight may have collapsed into another step without a warning of its own.
            for (int weight : desiredWeights(stepLevel(profile))) {
                ReplicaSplit split = ReplicaSplit.of(profile.replicas(), weight, maxSurge(profile));
                if (split.warning().isPresent()) {
                    approximated = split.warning();
                    break;
                }
            }
        }
        return approximated.map(w -> w + "; " + using)
                .orElse(profile.replicas() + " replicas without a traffic router: the weight follows pod counts, "
                        + using);
    }

    private static List<String> analysisSentences(WorkloadProfile profile) {
        List<String> sentences = new ArrayList<>();
        RolloutHistory history = profile.history();
        String level = profile.criticality().name().toLowerCase(Locale.ROOT);
        if (history.troubled()) {
            Duration single = baseAnalysis(profile).dividedBy(2);
            sentences.add(history.rolledBack() + " of the last " + history.rollouts() + " rollouts were rolled back: "
                    + "longer analysis (" + Durations.minutes(baseAnalysis(profile)) + " instead of "
                    + Durations.minutes(single) + " for " + level + " criticality) and more, smaller steps");
        } else {
            sentences.add("analysis of at least " + Durations.minutes(baseAnalysis(profile)) + " per step for "
                    + level + " criticality");
        }
        return sentences;
    }

    private static void trafficSentence(WorkloadProfile profile, ReplicaSplit first, List<String> reasons,
            List<String> warnings) {
        double rate = profile.requestsPerSecond();
        double weight = first.actualPercent();
        String share = ReplicaSplit.percent(weight);
        int wanted = StrategyAdvisor.MIN_REQUESTS_PER_ANALYSIS;
        if (rate == 0) {
            warnings.add("no traffic (0 requests/s): the canary analysis will see no requests; drive synthetic "
                    + "load or smoke tests during each step");
            return;
        }
        double seconds = secondsToCollect(rate, weight);
        Duration base = baseAnalysis(profile);
        Duration firstAnalysis = analysis(profile, weight);
        double canaryRate = rate * weight / 100;
        if (seconds > StrategyAdvisor.MAX_ANALYSIS.getSeconds()) {
            long seen = Math.round(canaryRate * StrategyAdvisor.MAX_ANALYSIS.getSeconds());
            warnings.add(number(rate) + " requests/s: at " + share + " even "
                    + Durations.minutes(StrategyAdvisor.MAX_ANALYSIS) + " bring only " + seen + " canary requests of the "
                    + wanted + " an analysis wants; its verdict rests on few requests");
            reasons.add("low traffic: analyses are stretched to the " + Durations.minutes(StrategyAdvisor.MAX_ANALYSIS)
                    + " maximum");
        } else if (firstAnalysis.compareTo(base) > 0) {
            reasons.add(number(rate) + " requests/s: at " + share + " the canary sees " + number(canaryRate)
                    + " requests/s and needs " + Durations.minutes(firstAnalysis) + " for " + wanted
                    + " requests, so the first analysis lasts " + Durations.minutes(firstAnalysis) + " instead of "
                    + Durations.minutes(base));
        } else {
            String take = seconds < 120 ? Math.round(Math.ceil(seconds)) + " s"
                    : Math.round(Math.ceil(seconds / 60)) + " min";
            reasons.add(number(rate) + " requests/s: " + wanted + " canary requests at " + share + " take " + take
                    + ", within the " + Durations.minutes(base) + " analysis");
        }
    }

    private static void capacitySentence(WorkloadProfile profile, List<ReplicaSplit> splits, List<String> reasons,
            List<String> warnings) {
        if (splits.isEmpty()) {
            return;
        }
        if (profile.router().routesByRequest()) {
            int largest = splits.get(splits.size() - 1).canary();
            if (largest > profile.sparePods()) {
                warnings.add("at " + splits.get(splits.size() - 1).requestedPercent() + " % the canary needs "
                        + pods(largest) + " next to the " + profile.replicas() + " stable ones, but only "
                        + profile.sparePods() + " spare fit; scale the stable side down as the weight grows");
            }
        } else if (profile.sparePods() == 0) {
            reasons.add("no spare pod: each canary pod replaces a stable pod (maxSurge 0)");
        }
    }

    static String pods(int count) {
        return count + (count == 1 ? " pod" : " pods");
    }

    static String joinPercents(List<Integer> weights) {
        List<String> parts = weights.stream().map(w -> w + " %").toList();
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " then " + parts.get(parts.size() - 1);
    }

    /** A number for sentences: at most two decimals, no trailing zeros. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
