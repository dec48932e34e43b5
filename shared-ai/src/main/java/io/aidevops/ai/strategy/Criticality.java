package io.aidevops.ai.strategy;

/** How much a bad release of the workload hurts. Higher means smaller steps and longer analysis. */
public enum Criticality {
    /** Internal or easily retried; a short bad period is acceptable. */
    LOW,
    /** The default. */
    MEDIUM,
    /** Customer-facing. */
    HIGH,
    /** Revenue or safety critical; every step is as small and as watched as traffic allows. */
    CRITICAL;

    /** The next level up, or this one when already {@link #CRITICAL}. */
    Criticality raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
