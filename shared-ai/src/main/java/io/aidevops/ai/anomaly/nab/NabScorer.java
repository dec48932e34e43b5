package io.aidevops.ai.anomaly.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Numenta Anomaly Benchmark's scoring, written from its specification: the probationary period, the scaled
 * sigmoid that rewards early detections and softens false alarms just after a window, the profiles, the threshold
 * sweep and the normalisation between the null detector (0) and a perfect one (100).
 *
 * <p>The threshold is optimised over the corpus as NAB does (every distinct score is a candidate; on ties the
 * higher threshold wins), which fits it to the test data; {@link #scoreAt} scores a fixed threshold, which is what a
 * deployed monitor has.
 */
public final class NabScorer {

    /** S(-1): the sigmoid's value at the first row of a window, which a detection there is scaled to. */
    static final double MAX_TP = sigmoid(-1);

    private NabScorer() {
    }

    /** NAB's scaled sigmoid: 2 / (1 + e^(5y)) - 1 up to y = 3, then -1. */
    static double sigmoid(double y) {
        return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /** Rows at the start of a file that are not scored: 15 % of the rows, at most 750. */
    public static int probation(int rows) {
        return Math.min((int) Math.floor(0.15 * rows), 750);
    }

    /**
     * The best score over all thresholds, as NAB reports it.
     *
     * @param corpus every file of the corpus with the detector's scores
     * @param profile the profile
     */
    public static NabResult optimise(List<NabSeries> corpus, NabProfile profile) {
        List<Row> rows = new ArrayList<>();
        int windows = 0;
        for (NabSeries series : corpus) {
            windows += series.windows().size();
            collect(series, profile, windows - series.windows().size(), rows);
        }
        rows.sort((a, b) -> Double.compare(b.score, a.score));
        double[] best = new double[windows];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        double raw = -profile.fnWeight() * windows;
        double bestRaw = raw;
        double bestThreshold = 1.1;
        int detected = 0;
        int falsePositives = 0;
        int bestDetected = 0;
        int bestFalsePositives = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.window < 0) {
                raw += row.value;
                falsePositives++;
            } else if (row.value > best[row.window]) {
                raw += row.value - (best[row.window] == Double.NEGATIVE_INFINITY ? -profile.fnWeight()
                        : best[row.window]);
                if (best[row.window] == Double.NEGATIVE_INFINITY) {
                    detected++;
                }
                best[row.window] = row.value;
            }
            boolean lastOfScore = i + 1 == rows.size() || rows.get(i + 1).score != row.score;
            if (lastOfScore && raw > bestRaw) {
                bestRaw = raw;
                bestThreshold = row.score;
                bestDetected = detected;
                bestFalsePositives = falsePositives;
            }
        }
        return result(profile, bestThreshold, bestRaw, bestDetected, windows, bestFalsePositives);
    }

    /**
     * The score at a fixed threshold.
     *
     * @param corpus every file of the corpus with the detector's scores
     * @param profile the profile
     * @param threshold rows scoring at or above it are detections
     */
    public static NabResult scoreAt(List<NabSeries> corpus, NabProfile profile, double threshold) {
        double raw = 0;
        int windows = 0;
        int detected = 0;
        int falsePositives = 0;
        for (NabSeries series : corpus) {
            List<Row> rows = new ArrayList<>();
            collect(series, profile, 0, rows);
            double[] best = new double[series.windows().size()];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            for (Row row : rows) {
                if (row.score < threshold) {
                    continue;
                }
                if (row.window < 0) {
                    raw += row.value;
                    falsePositives++;
                } else {
                    best[row.window] = Math.max(best[row.window], row.value);
                }
            }
            for (double value : best) {
                if (value == Double.NEGATIVE_INFINITY) {
                    raw -= profile.fnWeight();
                } else {
                    raw += value;
                    detected++;
                }
            }
            windows += best.length;
        }
        return result(profile, threshold, raw, detected, windows, falsePositives);
    }

    private static NabResult result(NabProfile profile, double threshold, double raw, int detected, int windows,
            int falsePositives) {
        double perfect = profile.tpWeight() * windows;
        double none = -profile.fnWeight() * windows;
        double normalized = perfect == none ? 0 : 100 * (raw - none) / (perfect - none);
        return new NabResult(profile, threshold, raw, normalized, detected, windows, falsePositives);
    }

    /** Every scored row of a file with the value a detection there would have. */
    private static void collect(NabSeries series, NabProfile profile, int firstWindow, List<Row> rows) {
        List<NabSeries.Window> windows = series.windows();
        int next = 0;
        NabSeries.Window previous = null;
        for (int i = probation(series.rows()); i < series.rows(); i++) {
            while (next < windows.size() && windows.get(next).end() < i) {
                previous = windows.get(next++);
            }
            NabSeries.Window current = next < windows.size() && windows.get(next).start() <= i
                    ? windows.get(next) : null;
            double value;
            int window = -1;
            if (current != null) {
                double y = -(double) (current.end() - i + 1) / current.width();
                value = profile.tpWeight() * sigmoid(y) / MAX_TP;
                window = firstWindow + next;
            } else if (previous == null) {
                value = -profile.fpWeight();
            } else {
                double y = (double) (i - previous.end()) / (previous.width() - 1);
                value = profile.fpWeight() * sigmoid(y);
            }
            rows.add(new Row(series.scores()[i], value, window));
        }
    }

    private record Row(double score, double value, int window) {
    }
}
