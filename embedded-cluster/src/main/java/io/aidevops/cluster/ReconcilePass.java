package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One reconcile pass in progress: its instant, the client, and the bookkeeping of what it wrote and what went wrong.
 * Stages do all their API writes through {@link #write(Supplier)} and handle objects through
 * {@link #forEachIsolated}, so one bad object never stops the pass.
 */
final class ReconcilePass {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilePass.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesClient client;
    private final Instant now;
    private final EventRecorder events;
    private final List<String> problems = new ArrayList<>();
    private int writes;
    private ClusterSnapshot snapshot;
    private int writesAtSnapshot;

    ReconcilePass(KubernetesClient client, Instant now, EventRecorder events) {
        this.client = client;
        this.now = now;
        this.events = events;
    }

    KubernetesClient client() {
        return client;
    }

    /** The simulated instant of this pass. */
    Instant now() {
        return now;
    }

    /**
     * The current view of the cluster, fetched lazily. Stages share it until one of them writes; a quiet pass
     * (the common case once the world has settled) lists each kind once instead of once per stage.
     */
    ClusterSnapshot snapshot() {
        if (snapshot == null || writesAtSnapshot != writes) {
            snapshot = new ClusterSnapshot(client);
            writesAtSnapshot = writes;
        }
        return snapshot;
    }

    /** Performs and counts one API write. */
    <T> T write(Supplier<T> apiCall) {
        T result = apiCall.get();
        writes++;
        return result;
    }

    /** Records an event now; a failure to record is logged, never fatal. */
    void event(HasMetadata involved, EventType type, String reason, String message, String component) {
        event(involved, null, type, reason, message, component, now);
    }

    /** Records an event about part of an object at a given instant; a failure to record is logged, never fatal. */
    void event(HasMetadata involved, String fieldPath, EventType type, String reason, String message,
            String component, Instant at) {
        try {
            write(() -> {
                events.record(involved, fieldPath, type, reason, message, component, at);
                return null;
            });
        } catch (KubernetesClientException e) {
            LOG.debug("Could not record event {} about {}", reason, ObjectKey.of(involved), e);
        }
    }

    /** Notes a problem with one object; the pass goes on. */
    void problem(String problem) {
        problems.add(problem);
    }

    /**
     * Runs {@code action} for every object, isolating failures: a write conflict (someone else changed the object
     * since it was read) is left to the next pass, any other failure is noted as a problem naming the object.
     */
    <T extends HasMetadata> void forEachIsolated(Collection<T> objects, Consumer<T> action) {
        for (T object : objects) {
            try {
                action.accept(object);
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                    LOG.debug("{} {} changed while being reconciled; the next pass retries", object.getKind(),
                            ObjectKey.of(object));
                } else {
                    problem(describe(object) + ": " + e.getMessage());
                }
            } catch (IllegalArgumentException e) {
                problem(describe(object) + ": " + e.getMessage());
            } catch (RuntimeException e) {
                problem(describe(object) + ": " + e);
            }
        }
    }

    /** Whether two API values differ in their JSON form, which ignores null-versus-empty differences. */
    static boolean differ(Object before, Object after) {
        return !Objects.equals(SERIALIZATION.asJson(before), SERIALIZATION.asJson(after));
    }

    /** The report of this pass so far. */
    ReconcileReport report() {
        return new ReconcileReport(now, writes, problems);
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + ObjectKey.of(object);
    }
}
