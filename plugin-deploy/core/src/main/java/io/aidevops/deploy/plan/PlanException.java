package io.aidevops.deploy.plan;

/**
 * A rollout plan that cannot be read or is invalid. The message names the source, line and column (1-based), the
 * step and the field, e.g. {@code plan.yaml:4:5: steps[2].setWeight must be 1 to 100, but is 120}.
 */
public final class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source the plan's name, e.g. its file name
     * @param line 1-based line, 0 if unknown
     * @param column 1-based column, 0 if unknown
     * @param problem what is wrong, naming the field
     * @param cause the parser's exception, or null
     */
    public PlanException(String source, int line, int column, String problem, Throwable cause) {
        super(location(source, line, column) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String location(String source, int line, int column) {
        if (line <= 0) {
            return source;
        }
        return source + ":" + line + (column > 0 ? ":" + column : "");
    }

    /** The plan's name as given to the parser. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 if unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 if unknown. */
    public int column() {
        return column;
    }
}
