package io.aidevops.controller.cli;

/** Exit codes shared by every command, so scripts and the Pipeline library can rely on them. */
public final class ExitCodes {
    /** Done; healthy; promoted. */
    public static final int OK = 0;
    /** A decision or a state, not an error: degraded, rolled back, refused to overwrite. */
    public static final int DECLINED = 1;
    /** The command line or the configuration is wrong; unusable. */
    public static final int USAGE = 2;
    /** Something outside the suite failed: a cluster, a port, a file system. */
    public static final int INFRASTRUCTURE = 3;
    /** Stopped by Ctrl-C or SIGTERM before it finished (the shell's convention for SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
