package io.aidevops.ai.canary;

/** The outcome for one metric. */
public enum Classification {
    /** No change beyond the tolerance that the data can show. */
    PASS,
    /** The canary is significantly and relevantly higher. */
    HIGH,
    /** The canary is significantly and relevantly lower. */
    LOW,
    /** Not enough data to say anything; a state of its own, never a silent pass. */
    NODATA
}
