package io.aidevops.cluster;

import java.util.SplittableRandom;

/**
 * Random name suffixes from a seeded stream, in the alphabet Kubernetes uses for generated names (no vowels, so no
 * words, and no look-alike characters).
 */
final class NameGenerator {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final SplittableRandom random;

    NameGenerator(long seed) {
        this.random = new SplittableRandom(Noise.key(seed, "names"));
    }

    /** The next suffix of {@code length} characters. */
    synchronized String suffix(int length) {
        StringBuilder suffix = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }

    /** Encodes {@code text} in the same alphabet, character by character, as Kubernetes' SafeEncodeString does. */
    static String safeEncode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            encoded.append(ALPHABET.charAt(c % ALPHABET.length()));
        }
        return encoded.toString();
    }
}
