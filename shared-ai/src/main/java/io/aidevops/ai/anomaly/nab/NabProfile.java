package io.aidevops.ai.anomaly.nab;

import java.util.List;

/**
 * A NAB application profile: how much a detection inside a window earns and what a false alarm and a missed
 * window cost (NAB's {@code config/profiles.json}).
 *
 * @param name the profile's name as NAB spells it
 * @param tpWeight value of a detection at the very start of a window
 * @param fpWeight cost of a detection far from any window
 * @param fnWeight cost of a window without any detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

    /** NAB's standard profile. */
    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    /** Rewards detectors with few false positives. */
    public static final NabProfile REWARD_LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** Rewards detectors with few false negatives. */
    public static final NabProfile REWARD_LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** The three profiles NAB reports, in its order. */
    public static List<NabProfile> all() {
        return List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);
    }
}
