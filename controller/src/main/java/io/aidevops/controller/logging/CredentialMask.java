package io.aidevops.controller.logging;

import java.util.regex.Pattern;

/**
 * Masks credentials that have a recognisable shape, whoever wrote them: HTTP authorization headers, bearer tokens
 * and the user-info part of URLs. Applied to every log line and every diagnostic entry, because libraries log
 * requests at their most verbose levels and error messages quote URLs.
 */
public final class CredentialMask {
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization\\s*[:=]\\s*)[^\\r\\n]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");

    private CredentialMask() {
    }

    /** @return {@code text} with authorization values, bearer tokens and URL credentials replaced */
    public static String mask(String text) {
        var masked = AUTHORIZATION.matcher(text).replaceAll("$1<redacted>");
        masked = BEARER.matcher(masked).replaceAll("$1<redacted>");
        return URL_USER_INFO.matcher(masked).replaceAll("$1<redacted>@");
    }
}
