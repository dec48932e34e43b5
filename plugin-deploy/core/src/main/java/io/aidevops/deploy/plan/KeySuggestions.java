package io.aidevops.deploy.plan;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt configuration keys: the closest known key within a small edit distance. */
public final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * The known key closest to {@code unknown}, if one is close enough to be a likely typo (case is ignored, so
     * {@code setweight} suggests {@code setWeight}).
     */
    public static Optional<String> closest(String unknown, Collection<String> known) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A third of the word, at least 2: catches typos and case slips, not unrelated words.
        int allowed = Math.max(2, wanted.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * The sentence for an unknown key: {@code unknown key 'setweight'; did you mean 'setWeight'?} or, without a close
     * match, the list of known keys.
     */
    public static String unknownKey(String unknown, Collection<String> known) {
        return "unknown key '" + unknown + "'" + closest(unknown, known)
                .map(match -> "; did you mean '" + match + "'?")
                .orElse("; expected one of " + String.join(", ", known));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
