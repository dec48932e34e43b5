package io.aidevops.controller.demo;

/** The embedded cluster did not do what the demo expected, in time. */
public final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }
}
