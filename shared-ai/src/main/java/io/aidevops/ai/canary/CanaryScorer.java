package io.aidevops.ai.canary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns metric results into a score and a verdict, the way Kayenta's weighted-sum scorer does: muted metrics are left
 * out; a failed critical metric zeroes the score and fails the verdict whatever the thresholds; each group scores the
 * share of its judged metrics that passed; the groups are averaged with their weights.
 *
 * <p>Metrics without data are left out of their group, unless the metric must have data and the look is final; then
 * they count as failed, and a critical one fails the judgment. When at least half of the scored metrics have no data
 * the score is 0 if {@code strictNoData} (Kayenta always; our judge at the final look), otherwise the verdict stands
 * on the metrics that do have data and a warning says so.
 */
public final class CanaryScorer {

    private CanaryScorer() {
    }

    /**
     * Scores the results of one judgment.
     *
     * @param judge the judge's name, copied into the verdict
     * @param request the request the results answer
     * @param results one result per metric of the request, muted ones included
     * @param strictNoData whether a majority of metrics without data zeroes the score
     * @param warnings warnings collected so far (this method may add more)
     */
    public static CanaryVerdict score(String judge, JudgeRequest request, List<MetricResult> results,
            boolean strictNoData, List<String> warnings) {
        var notes = new ArrayList<>(warnings);
        boolean finalLook = request.look().isFinal();
        List<MetricResult> scored = results.stream().filter(r -> !r.spec().muted()).toList();
        Thresholds thresholds = request.thresholds();
        if (scored.isEmpty()) {
            return verdict(judge, request, results, 0, "every metric is muted; nothing was scored", notes);
        }
        for (MetricResult result : scored) {
            boolean missing = result.classification() == Classification.NODATA;
            // A critical metric that must have data fails at the final look without it, strict or not.
            boolean missingFails = missing && finalLook && (strictNoData || result.spec().mustHaveData());
            if (result.spec().critical() && (result.failed() || missingFails)) {
                // FAIL whatever the thresholds: with pass and marginal at 0 the score of 0 alone would pass.
                return new CanaryVerdict(judge, Verdict.FAIL, 0, "critical metric " + result.name() + " is "
                        + result.classification() + ": " + result.reason(), results, request.look(), notes);
            }
        }
        long noData = scored.stream().filter(r -> r.classification() == Classification.NODATA).count();
        if (noData * 2 >= scored.size()) {
            String what = noData + " of " + scored.size() + " metrics have no data";
            if (strictNoData) {
                return verdict(judge, request, results, 0, what + "; a judgment needs data for most metrics", notes);
            }
            notes.add(what + "; the score stands on the others until the final look");
        }
        Map<String, int[]> groups = new LinkedHashMap<>();
        for (MetricResult result : scored) {
            int[] passedAndJudged = groups.computeIfAbsent(result.spec().group(), g -> new int[2]);
            boolean missing = result.classification() == Classification.NODATA;
            if (missing && !(result.spec().mustHaveData() && finalLook)) {
                continue;
            }
            passedAndJudged[1]++;
            if (result.classification() == Classification.PASS) {
                passedAndJudged[0]++;
            }
        }
        Map<String, Double> weights = weights(groups.keySet(), request.groupWeights());
        double score = 0;
        for (var group : groups.entrySet()) {
            int[] counts = group.getValue();
            double groupScore = counts[1] == 0 ? 100 : 100.0 * counts[0] / counts[1];
            score += groupScore * weights.get(group.getKey()) / 100;
        }
        score = Math.round(score * 100) / 100.0;
        // Metrics counted as failed for missing data belong in the reason too, or a lowered score looks unexplained.
        List<String> failing = scored.stream()
                .filter(r -> r.failed() || (r.classification() == Classification.NODATA && r.spec().mustHaveData()
                        && finalLook))
                .map(r -> r.name() + " " + r.classification()).toList();
        String reason = failing.isEmpty() ? "no metric differs beyond its tolerance"
                : "failing: " + String.join(", ", failing);
        return verdict(judge, request, results, score, reason, notes);
    }

    private static CanaryVerdict verdict(String judge, JudgeRequest request, List<MetricResult> results, double score,
            String reason, List<String> warnings) {
        Verdict verdict = request.thresholds().verdictFor(score);
        return new CanaryVerdict(judge, verdict, score, reason, results, request.look(), warnings);
    }

    /** Named weights as given; the rest of 100 shared equally by the unnamed groups; normalised to sum to 100. */
    static Map<String, Double> weights(Iterable<String> groups, Map<String, Double> given) {
        var result = new LinkedHashMap<String, Double>();
        double named = 0;
        int unnamed = 0;
        for (String group : groups) {
            Double weight = given.get(group);
            if (weight != null) {
                named += weight;
            } else {
                unnamed++;
            }
        }
        double share = unnamed == 0 ? 0 : Math.max(0, 100 - named) / unnamed;
        double total = 0;
        for (String group : groups) {
            double weight = given.getOrDefault(group, share);
            result.put(group, weight);
            total += weight;
        }
        if (total <= 0) {
            int count = result.size();
            result.replaceAll((group, weight) -> 100.0 / count);
        } else {
            double scale = 100 / total;
            result.replaceAll((group, weight) -> weight * scale);
        }
        return result;
    }
}
