package io.aidevops.deploy.traffic;

/**
 * The routing objects exist but do not allow the requested split, e.g. the VirtualService has no route to the
 * stable Service. Retrying does not help; the message says what to change.
 */
public final class TrafficRoutingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public TrafficRoutingException(String message) {
        super(message);
    }
}
