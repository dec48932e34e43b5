package io.aidevops.ai.canary;

/** The outcome of one judgment of a canary against its baseline. */
public enum Verdict {
    /** Score at or above the pass threshold. */
    PASS,
    /** Score at or above the marginal threshold but below pass. */
    MARGINAL,
    /** Score below the marginal threshold, or a critical metric failed. */
    FAIL
}
