package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;

/** The {@code deployment.kubernetes.io/revision} annotation that numbers a Deployment's rollouts. */
final class Revision {

    static final String ANNOTATION = "deployment.kubernetes.io/revision";

    private Revision() {
    }

    /** The revision of {@code object}, 0 if it has none or an unreadable one. */
    static long of(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
