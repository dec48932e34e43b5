package io.aidevops.deploy.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * {@link KubeRetry} ran out of attempts. It keeps the last failure's HTTP code and status, so callers that look at
 * {@link #getCode()} see what the API server said last, and names the operation and the number of attempts.
 */
public final class RetriesExhaustedException extends KubernetesClientException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final transient RuntimeException last;

    RetriesExhaustedException(String what, int attempts, RuntimeException last, int code, Status status) {
        // fabric8's constructor that takes a cause also wants the HTTP request; the cause is given by getCause().
        super("giving up on " + what + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": "
                + last.getMessage(), code, status);
        this.attempts = attempts;
        this.last = last;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** The last failure. */
    @Override
    public synchronized Throwable getCause() {
        return last;
    }
}
