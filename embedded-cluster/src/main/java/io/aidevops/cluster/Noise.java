package io.aidevops.cluster;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Reproducible randomness: a random stream is a pure function of a key and an index, so the value drawn for, say,
 * second 42 of a pod's life is the same no matter when or how often it is asked for.
 */
final class Noise {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    /** A key mixing the seed with the given parts, e.g. namespace, pod and container name. */
    static long key(long seed, Object... parts) {
        long key = mix(seed);
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                key = mix(key ^ b);
            }
            key = mix(key + GOLDEN_GAMMA);
        }
        return key;
    }

    /** The random stream number {@code index} of {@code key}. */
    static SplittableRandom random(long key, long index) {
        return new SplittableRandom(mix(key + index * GOLDEN_GAMMA));
    }

    /** A hexadecimal string of {@code length} digits derived from {@code key}, e.g. for container IDs. */
    static String hex(long key, int length) {
        StringBuilder hex = new StringBuilder(length);
        SplittableRandom random = random(key, 0);
        while (hex.length() < length) {
            hex.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, length);
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole output. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
