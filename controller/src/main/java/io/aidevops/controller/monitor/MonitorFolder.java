package io.aidevops.controller.monitor;

import java.nio.file.Path;

/** Where in the data directory the monitor keeps its alert journal. */
public final class MonitorFolder {

    private MonitorFolder() {
    }

    /** The service's ({@code aidevops start}). */
    public static Path service(Path dataDir) {
        return dataDir.resolve("monitor");
    }

    /** The demo's: each demo starts a fresh world, so it must not mix its alerts with the service's. */
    public static Path demo(Path dataDir) {
        return dataDir.resolve("demo").resolve("monitor");
    }
}
