package io.aidevops.ai.anomaly.nab;

import java.util.List;
import java.util.Objects;

/**
 * One data file of the corpus as the scorer sees it: a detector's anomaly score for every row, and the labelled
 * anomaly windows as inclusive row ranges.
 *
 * @param name the file's name, for messages
 * @param scores one anomaly score per row, each in [0, 1]
 * @param windows the windows, in order, not overlapping
 */
public record NabSeries(String name, double[] scores, List<Window> windows) {

    /**
     * An anomaly window: rows {@code start} to {@code end}, both inclusive.
     *
     * @param start first row (0-based)
     * @param end last row
     */
    public record Window(int start, int end) {

        /** @throws IllegalArgumentException unless 0 &lt;= start &lt; end */
        public Window {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a window needs 0 <= start < end, but is [" + start + ", " + end
                        + "]");
            }
        }

        /** Rows in the window. */
        public int width() {
            return end - start + 1;
        }
    }

    /**
     * @throws IllegalArgumentException if a score is outside [0, 1] or a window lies outside the rows or overlaps
     *         another
     */
    public NabSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scores, "scores");
        windows = List.copyOf(windows);
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException(name + ": row " + i + " has anomaly score " + scores[i]
                        + "; scores must lie in [0, 1]");
            }
        }
        int previousEnd = -1;
        for (Window window : windows) {
            if (window.start() <= previousEnd || window.end() >= scores.length) {
                throw new IllegalArgumentException(name + ": window [" + window.start() + ", " + window.end()
                        + "] overlaps the previous one or lies beyond the " + scores.length + " rows");
            }
            previousEnd = window.end();
        }
    }

    /** Rows in the file. */
    public int rows() {
        return scores.length;
    }
}
