package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes core/v1 {@code Event}s about simulated objects, as the scheduler, kubelet and controllers of a real cluster
 * do, and deletes them after an hour, as the API server's event TTL does.
 */
final class EventRecorder {

    /** How long events live; Kubernetes' default event TTL. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    private final KubernetesClient client;
    private final AtomicLong sequence = new AtomicLong();
    private final Deque<Recorded> recorded = new ArrayDeque<>();

    private record Recorded(ObjectKey key, Instant at) {
    }

    EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Records an event.
     *
     * @param involved the object the event is about
     * @param fieldPath the part of the object, e.g. {@code spec.containers{app}}, or null
     * @param type normal or warning
     * @param reason a short CamelCase reason such as {@code BackOff}
     * @param message the human-readable message
     * @param component the reporting component, e.g. {@code kubelet}
     * @param at when it happened
     */
    void record(HasMetadata involved, String fieldPath, EventType type, String reason, String message,
            String component, Instant at) {
        String namespace = involved.getMetadata().getNamespace() == null ? "default"
                : involved.getMetadata().getNamespace();
        // Kubernetes names events <object>.<unix nanos in hex>; the sequence keeps two events of one instant apart.
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano() + sequence.getAndIncrement();
        String name = involved.getMetadata().getName() + "." + Long.toHexString(nanos);
        String timestamp = KubeTime.format(at);
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(involved.getApiVersion())
                        .withKind(involved.getKind())
                        .withNamespace(involved.getMetadata().getNamespace())
                        .withName(involved.getMetadata().getName())
                        .withUid(involved.getMetadata().getUid())
                        .withResourceVersion(involved.getMetadata().getResourceVersion())
                        .withFieldPath(fieldPath)
                        .build())
                .withType(type.apiValue())
                .withReason(reason)
                .withMessage(message)
                .withNewSource().withComponent(component).withHost(ClusterNode.NAME).endSource()
                .withReportingComponent(component)
                .withReportingInstance(ClusterNode.NAME)
                .withFirstTimestamp(timestamp)
                .withLastTimestamp(timestamp)
                .withCount(1)
                .build();
        client.v1().events().inNamespace(namespace).resource(event).create();
        synchronized (recorded) {
            recorded.addLast(new Recorded(new ObjectKey(namespace, name), at));
        }
    }

    /**
     * Deletes the events recorded more than {@link #TIME_TO_LIVE} before {@code now}.
     *
     * @return how many events were deleted
     */
    int expire(Instant now) {
        Instant cutoff = now.minus(TIME_TO_LIVE);
        int deleted = 0;
        while (true) {
            Recorded oldest;
            synchronized (recorded) {
                oldest = recorded.peekFirst();
                if (oldest == null || !oldest.at().isBefore(cutoff)) {
                    return deleted;
                }
                recorded.removeFirst();
            }
            client.v1().events().inNamespace(oldest.key().namespace()).withName(oldest.key().name()).delete();
            deleted++;
        }
    }
}
