package io.aidevops.ai.canary.evaluation;

import java.util.Objects;

/**
 * The shape of every rollout of a corpus: how many looks, how long each, how often metrics are scraped, and the
 * noise.
 *
 * @param looks planned analysis looks per rollout
 * @param secondsPerLook analysis time between looks
 * @param scrapeSeconds one point per pod per this many seconds
 * @param noise the noise of the runs
 */
public record GeneratorSettings(int looks, int secondsPerLook, int scrapeSeconds, NoiseModel noise) {

    /** Five one-minute looks, a point per pod every 10 s, realistic noise: 60 points per side at the end with 2/2. */
    public static final GeneratorSettings DEFAULT = new GeneratorSettings(5, 60, 10, NoiseModel.REALISTIC);

    /** @throws IllegalArgumentException unless a look spans a whole, positive number of scrapes */
    public GeneratorSettings {
        Objects.requireNonNull(noise, "noise");
        if (looks < 1 || scrapeSeconds < 1 || secondsPerLook < scrapeSeconds || secondsPerLook % scrapeSeconds != 0) {
            throw new IllegalArgumentException("need at least one look of a whole number of scrapes, but have "
                    + looks + " looks of " + secondsPerLook + " s scraped every " + scrapeSeconds + " s");
        }
    }

    /** Points per pod in one look. */
    public int pointsPerLook() {
        return secondsPerLook / scrapeSeconds;
    }

    /** Points per pod in the whole rollout. */
    public int pointsPerPod() {
        return looks * pointsPerLook();
    }

    /** These settings with other noise. */
    public GeneratorSettings withNoise(NoiseModel value) {
        return new GeneratorSettings(looks, secondsPerLook, scrapeSeconds, value);
    }

    /** These settings with another number of looks. */
    public GeneratorSettings withLooks(int value) {
        return new GeneratorSettings(value, secondsPerLook, scrapeSeconds, noise);
    }
}
