package io.aidevops.pipeline

import com.cloudbees.groovy.cps.NonCPS

/**
 * POSIX shell quoting for command lines handed to the {@code sh} step.
 *
 * Every value a user passes ends up as exactly one word, whatever it contains: blanks, quotes, {@code $},
 * backticks, globs, newlines. Values made only of characters no shell treats specially stay as they are, so the
 * command in the build log reads like one typed by hand.
 */
class ShellWords implements Serializable {

    private static final long serialVersionUID = 1L

    /** Characters that mean nothing to sh, bash, dash or zsh inside a word (also not at its start). */
    private static final String SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-'

    private ShellWords() {
    }

    /** {@code value} as one shell word: unchanged when safe, else in single quotes ({@code '} as {@code '"'"'}). */
    @NonCPS
    static String quote(Object value) {
        String text = value == null ? '' : value.toString()
        if (text.isEmpty()) {
            return "''"
        }
        boolean safe = true
        for (int i = 0; i < text.length(); i++) {
            if (SAFE.indexOf((int) text.charAt(i)) < 0) {
                safe = false
                break
            }
        }
        // A leading '=' or '~' could still mean something (zsh's =cmd, tilde expansion); '~' is not in SAFE.
        // A word with '=' before any other character could be read as a variable assignment when it comes first.
        if (safe && !text.startsWith('=') && !text.contains('=')) {
            return text
        }
        return "'" + text.replace("'", "'\"'\"'") + "'"
    }

    /**
     * A reference to the environment variable {@code name}, expanded by the shell at run time: {@code "$NAME"}.
     * Used for paths Jenkins exposes through {@code withCredentials}, so they never pass through Groovy strings.
     */
    @NonCPS
    static String variable(String name) {
        if (!(name ==~ /[A-Za-z_][A-Za-z0-9_]*/)) {
            throw new IllegalArgumentException("not a shell variable name: '" + name + "'")
        }
        return '"$' + name + '"'
    }

    /** The words joined with blanks; each is quoted unless it was made by {@link #variable}. */
    @NonCPS
    static String join(List<Object> words) {
        StringBuilder line = new StringBuilder()
        for (Object word : words) {
            if (line.length() > 0) {
                line.append(' ')
            }
            line.append(word instanceof Raw ? ((Raw) word).text : quote(word))
        }
        return line.toString()
    }

    /** Text put into a command line as it is (a variable reference or a redirection); never user input. */
    @NonCPS
    static Raw raw(String text) {
        return new Raw(text)
    }

    /** See {@link #raw}. */
    static final class Raw implements Serializable {
        private static final long serialVersionUID = 1L
        final String text

        Raw(String text) {
            this.text = text
        }

        @Override
        String toString() {
            return text
        }
    }
}
