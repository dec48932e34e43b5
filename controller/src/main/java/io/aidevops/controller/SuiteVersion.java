package io.aidevops.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The suite's version and the versions of the libraries users ask about in bug reports, written into the jar at
 * build time.
 *
 * @param suite      this build's version
 * @param fabric8    the Kubernetes client's version
 * @param picocli    the command-line library's version
 */
public record SuiteVersion(String suite, String fabric8, String picocli) {

    /** @return the versions this jar was built with */
    public static SuiteVersion current() {
        var properties = new Properties();
        try (InputStream in = SuiteVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the class path; rebuild the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
        return new SuiteVersion(properties.getProperty("version"), properties.getProperty("fabric8"),
                properties.getProperty("picocli"));
    }

    /** @return operating system, version, architecture and processor count, e.g. {@code Linux 6.1 amd64, 2 cores} */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** @return the Java runtime this process runs on, e.g. {@code 17.0.15 (Debian)} */
    public static String java() {
        return Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }
}
