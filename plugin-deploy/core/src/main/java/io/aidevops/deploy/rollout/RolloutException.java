package io.aidevops.deploy.rollout;

/** A rollout request that cannot be carried out as asked; the message names what and where. Nothing was changed. */
public final class RolloutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the object or field */
    public RolloutException(String message) {
        super(message);
    }
}
