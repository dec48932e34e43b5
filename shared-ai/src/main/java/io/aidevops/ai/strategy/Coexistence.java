package io.aidevops.ai.strategy;

/** Whether the old and the new version may serve at the same time. */
public enum Coexistence {
    /** Both versions can run side by side. */
    SUPPORTED("both versions can run side by side"),
    /** The new version migrates the database schema in a way the old version cannot run against. */
    SCHEMA_MIGRATION("the new version migrates the database schema and the old version cannot run against it"),
    /** At most one instance may run at all (leader without election, exclusive lock or volume). */
    SINGLETON("the workload is a singleton: at most one instance may run");

    private final String description;

    Coexistence(String description) {
        this.description = description;
    }

    /** Why two versions can or cannot run at once, for reason texts. */
    public String description() {
        return description;
    }
}
