package io.aidevops.ai.correlation;

/** Which of two related series moves first. */
public enum Leader {
    /** The other series moves first: a candidate cause, or an earlier symptom. */
    OTHER,
    /** The anomalous series moves first: the other is more likely an effect. */
    ANOMALOUS,
    /** They move in the same sampling step. */
    NEITHER
}
