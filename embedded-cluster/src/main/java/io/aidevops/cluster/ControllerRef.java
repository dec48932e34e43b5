package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

import java.util.List;
import java.util.Optional;

/** The controller owner reference of an object: the link from a Pod to its ReplicaSet to its Deployment. */
final class ControllerRef {

    private ControllerRef() {
    }

    /** The owner reference of {@code object} that is marked as its controller, if any. */
    static Optional<OwnerReference> of(HasMetadata object) {
        List<OwnerReference> references = object.getMetadata().getOwnerReferences();
        if (references == null) {
            return Optional.empty();
        }
        return references.stream().filter(reference -> Boolean.TRUE.equals(reference.getController())).findFirst();
    }

    /** Whether {@code owner} is the controller of {@code object} (matched by UID, as the garbage collector does). */
    static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
        return of(object).map(reference -> reference.getUid().equals(owner.getMetadata().getUid())).orElse(false);
    }

    /** A controller reference to {@code owner}, for an object {@code owner} creates. */
    static OwnerReference to(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
