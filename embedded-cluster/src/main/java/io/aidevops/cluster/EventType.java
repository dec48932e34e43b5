package io.aidevops.cluster;

/** The two types of Kubernetes events. */
enum EventType {

    NORMAL("Normal"),
    WARNING("Warning");

    private final String apiValue;

    EventType(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value of the event's {@code type} field. */
    String apiValue() {
        return apiValue;
    }
}
