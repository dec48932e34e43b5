package io.aidevops.controller.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used; carries every problem found, not just the first. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;
    private final transient List<Secret> secrets;
    private final transient List<java.nio.file.Path> files;

    /**
     * @param problems every problem found
     * @param secrets  the secrets that could be read before loading failed, so a diagnostic bundle of a broken
     *                 configuration can still remove them; never part of the message
     * @param files    the configuration files that were read
     */
    public ConfigException(List<ConfigProblem> problems, List<Secret> secrets, List<java.nio.file.Path> files) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        this.secrets = List.copyOf(secrets);
        this.files = List.copyOf(files);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem), List.of(), List.of());
    }

    /** @return the configuration files that were read, base file first */
    public List<java.nio.file.Path> files() {
        return files;
    }

    /** @return the problems, in the order they appear in the file */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** @return the secrets read before loading failed */
    public List<Secret> secrets() {
        return secrets;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        var heading = problems.size() == 1 ? "invalid configuration" : problems.size() + " configuration problems";
        return heading + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
