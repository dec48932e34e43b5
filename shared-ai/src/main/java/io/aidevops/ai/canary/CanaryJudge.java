package io.aidevops.ai.canary;

/**
 * Judges a canary against its baseline. Implementations are pure functions of the request: no I/O, no clock, no
 * randomness that is not seeded by the request.
 */
public interface CanaryJudge {

    /** A short name for reports, for example {@code aidevops} or {@code kayenta}. */
    String name();

    /**
     * Judges one request.
     *
     * @throws IllegalArgumentException if the request cannot be judged (the message names the metric)
     */
    CanaryVerdict judge(JudgeRequest request);
}
