package io.aidevops.controller.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.aidevops.controller.config.Secret;

/** One GET with a short timeout, for checking that a service answers. */
public final class HttpProbe {
    private final Duration timeout;
    private HttpClient client;

    /** @param timeout connect and response timeout of each probe */
    public HttpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The outcome of a probe.
     *
     * @param status HTTP status, or 0 when no answer came
     * @param body   the answer's body (first 4 KiB), or the reason there was none
     */
    public record Result(int status, String body) {
        /** @return whether the service answered 2xx */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** GETs {@code uri}, sending {@code bearer} as a bearer token when present. */
    public Result get(URI uri, Optional<Secret> bearer) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
        try {
            var response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body();
            return new Result(response.statusCode(), body.length() > 4096 ? body.substring(0, 4096) : body);
        } catch (IOException e) {
            return new Result(0, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "interrupted");
        }
    }

    private synchronized HttpClient client() {
        // Built on first use: most status runs never probe over HTTP, and the client costs start-up time.
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).build();
        }
        return client;
    }
}
