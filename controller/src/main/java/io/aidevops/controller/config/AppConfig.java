package io.aidevops.controller.config;

import java.nio.file.Path;

/**
 * {@code app}: who this installation is and where it keeps its own files.
 *
 * @param name    shown in the dashboard, logs and diagnostic bundles
 * @param version the version of the user's own delivery setup (free text, shown beside the suite's version)
 * @param dataDir where state, logs and diagnostic bundles go; by default {@code .aidevops} in the working folder
 */
public record AppConfig(String name, String version, Path dataDir) {
    static final String DEFAULT_NAME = "AI-DevOps-System";
    static final String DEFAULT_VERSION = "1.0.0";
    /** The data folder's name when {@code app.data_dir} is not set. */
    public static final String DEFAULT_DATA_DIR_NAME = ".aidevops";

    static AppConfig read(ConfigSection s, Path workingDirectory) {
        var config = new AppConfig(s.text("name", DEFAULT_NAME), s.text("version", DEFAULT_VERSION),
                s.path("data_dir").orElse(workingDirectory.resolve(DEFAULT_DATA_DIR_NAME).normalize()));
        s.finish();
        return config;
    }
}
