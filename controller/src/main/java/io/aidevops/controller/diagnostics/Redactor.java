package io.aidevops.controller.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.aidevops.controller.logging.CredentialMask;

/**
 * Removes secrets from text that leaves the machine. It knows the secret values themselves (from the configuration
 * and from environment variables whose names say they hold one) and replaces every occurrence, wherever it appears:
 * a token can turn up in a log line or an exception message as easily as in the configuration.
 */
public final class Redactor {
    /** Environment variable names that hold secrets by convention. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|API_?KEY|PRIVATE_?KEY|AUTH).*");
    // Shorter values would also match ordinary words and numbers, so they are not searched for in free text.
    private static final int MIN_SECRET_LENGTH = 4;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * @param knownSecrets secret values from the configuration
     * @param environment  the process environment; values of secret-looking names are added
     */
    public static Redactor of(List<String> knownSecrets, Map<String, String> environment) {
        var values = new ArrayList<String>(knownSecrets);
        environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                values.add(value);
            }
        });
        // Longest first, so a secret that contains another is replaced whole.
        var plain = values.stream().filter(v -> v != null && v.strip().length() >= MIN_SECRET_LENGTH)
                .map(String::strip).toList();
        // JSON entries hold secrets escaped: a secret with a quote or backslash is searched for in both forms.
        var escaped = plain.stream().map(v -> v.replace("\\", "\\\\").replace("\"", "\\\"")).toList();
        var distinct = java.util.stream.Stream.concat(plain.stream(), escaped.stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new Redactor(distinct);
    }

    /**
     * @return {@code text} with every known secret replaced by {@code <redacted>}, and credentials of a recognisable
     *         shape masked
     */
    public String redact(String text) {
        var result = CredentialMask.mask(text);
        for (var secret : secrets) {
            result = result.replace(secret, "<redacted>");
        }
        return result;
    }

    /**
     * @return environment variables or system properties, sorted by name, with the values of secret-looking names
     *         replaced and known secrets removed from the others
     */
    public Map<String, String> redactNamed(Map<String, String> environment) {
        var redacted = new LinkedHashMap<String, String>();
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                redacted.put(e.getKey(), SECRET_NAME.matcher(e.getKey()).matches() ? "<redacted>"
                        : redact(e.getValue())));
        return redacted;
    }
}
