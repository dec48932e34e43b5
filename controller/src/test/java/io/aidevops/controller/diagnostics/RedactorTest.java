package io.aidevops.controller.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void knownSecretsAreRemovedWhereverTheyStandAlsoWhenJsonEscaped() {
        var redactor = Redactor.of(List.of("p\"ss\\word"), Map.of());

        assertThat(redactor.redact("token p\"ss\\word in a log")).isEqualTo("token <redacted> in a log");
        assertThat(redactor.redact("{\"detail\":\"p\\\"ss\\\\word\"}")).isEqualTo("{\"detail\":\"<redacted>\"}");
    }

    @Test
    void credentialsOfARecognisableShapeAreMaskedEvenWhenUnknown() {
        var redactor = Redactor.of(List.of(), Map.of());

        assertThat(redactor.redact("proxy http://bob:proxypass123@proxy:3128 failed"))
                .isEqualTo("proxy http://<redacted>@proxy:3128 failed");
        assertThat(redactor.redact("> Authorization: Bearer eyJhbGciOi.abc.def"))
                .isEqualTo("> Authorization: <redacted>");
        assertThat(redactor.redact("retry with bearer abc123XYZ")).isEqualTo("retry with bearer <redacted>");
        assertThat(redactor.redact("see https://docs.example/path@v2")).as("no user info, nothing to mask")
                .isEqualTo("see https://docs.example/path@v2");
    }

    @Test
    void variablesAndPropertiesWithSecretNamesAreRedactedByName() {
        var redactor = Redactor.of(List.of(), Map.of());

        var redacted = redactor.redactNamed(Map.of("DB_PASSWORD", "x", "PATH", "/usr/bin",
                "HTTPS_PROXY", "http://bob:pw@proxy:3128", "javax.net.ssl.keyStorePassword", "changeit"));

        assertThat(redacted).containsEntry("DB_PASSWORD", "<redacted>").containsEntry("PATH", "/usr/bin")
                .containsEntry("HTTPS_PROXY", "http://<redacted>@proxy:3128")
                .containsEntry("javax.net.ssl.keyStorePassword", "<redacted>");
    }
}
