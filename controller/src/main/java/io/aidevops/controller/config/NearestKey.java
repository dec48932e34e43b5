package io.aidevops.controller.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the allowed key a typo most likely meant, by edit distance. */
final class NearestKey {
    private NearestKey() {
    }

    /**
     * @return the closest candidate within a distance that still looks like a typo (a third of the word, at least
     *         two edits), or empty when nothing is that close
     */
    static Optional<String> of(String typo, Collection<String> candidates) {
        var limit = Math.max(2, typo.length() / 3);
        return candidates.stream()
                .filter(c -> distance(typo, c) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(typo, c)).thenComparing(c -> c));
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swapped pair of letters is one edit. */
    static int distance(String a, String b) {
        var x = a.toLowerCase(java.util.Locale.ROOT);
        var y = b.toLowerCase(java.util.Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }
}
