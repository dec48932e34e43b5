package io.aidevops.monitor.alert;

/** How urgently someone should look at an alert. */
public enum Severity {
    /** Worth knowing; nobody needs to act now. */
    INFO,
    /** Something is degraded or about to be. */
    WARNING,
    /** Users are, or will soon be, affected. */
    CRITICAL
}
