package io.aidevops.controller.config;

/**
 * {@code security}: scheduled security scanning.
 *
 * @param scanning {@code security.scanning}
 */
public record SecurityConfig(Scanning scanning) {
    static final int DEFAULT_INTERVAL = 86_400;

    /**
     * {@code security.scanning}.
     *
     * @param enabled  whether scheduled scans run
     * @param interval seconds between two scheduled scans
     */
    public record Scanning(boolean enabled, int interval) {
    }

    static SecurityConfig read(ConfigSection s) {
        var sc = s.section("scanning");
        // At least a minute: a scan reads a whole workspace and a vulnerability database.
        var scanning = new Scanning(sc.bool("enabled", true), sc.integer("interval", DEFAULT_INTERVAL, 60, 31_536_000));
        sc.finish();
        s.finish();
        return new SecurityConfig(scanning);
    }
}
