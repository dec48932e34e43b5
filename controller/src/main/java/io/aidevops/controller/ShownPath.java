package io.aidevops.controller;

import java.nio.file.Path;

/** How the suite shows a path to a user: relative to the working folder when it lies inside it, else absolute. */
public final class ShownPath {
    private ShownPath() {
    }

    /**
     * @param workingDirectory the folder the user runs commands from (absolute)
     * @param path             any path, relative paths taken from {@code workingDirectory}
     * @return {@code config/config.yaml} rather than {@code /home/me/project/config/config.yaml}
     */
    public static Path of(Path workingDirectory, Path path) {
        var absolute = workingDirectory.resolve(path).toAbsolutePath().normalize();
        // startsWith is false across Windows drives, where relativize would throw.
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    }
}
