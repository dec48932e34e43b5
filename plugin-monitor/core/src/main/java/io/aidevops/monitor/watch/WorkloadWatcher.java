package io.aidevops.monitor.watch;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an up-to-date copy of the watched Deployments, ReplicaSets, Pods and Events with fabric8 shared informers
 * (one per kind and namespace, or one per kind for all namespaces), and says when anything changed.
 *
 * <p>Informers list, then watch, relist after a dropped watch and retry after API errors on their own; their cache
 * is the state, and {@link #snapshot()} reads it. Change notifications carry no information on purpose: consumers
 * judge the whole snapshot, so a replayed or repeated notification is harmless.
 */
public final class WorkloadWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadWatcher.class);

    private final KubernetesClient client;
    private final WatchSettings settings;
    private final Runnable onChange;
    private final List<SharedIndexInformer<Deployment>> deployments = new ArrayList<>();
    private final List<SharedIndexInformer<ReplicaSet>> replicaSets = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> pods = new ArrayList<>();
    private final List<SharedIndexInformer<Event>> events = new ArrayList<>();
    private final AtomicLong notifications = new AtomicLong();
    private volatile String lastError;

    /**
     * @param client the cluster
     * @param settings scope and resync period
     * @param onChange called on the informers' threads after any add, update or delete (resyncs included); must
     *        be quick
     */
    public WorkloadWatcher(KubernetesClient client, WatchSettings settings, Runnable onChange) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /**
     * Starts the informers and waits until each has listed its objects once. Does nothing if they run already.
     *
     * @throws IllegalStateException if they did not sync within the sync timeout, naming the cause if one is known;
     *         the informers are stopped again then
     */
    public synchronized void start() {
        if (!pods.isEmpty()) {
            return;
        }
        List<String> namespaces = settings.scope().namespaces().isEmpty() ? Collections.singletonList(null)
                : settings.scope().namespaces();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (String namespace : namespaces) {
            deployments.add(inform(labelled(client.apps().deployments(), namespace), started));
            replicaSets.add(inform(labelled(client.apps().replicaSets(), namespace), started));
            pods.add(inform(labelled(client.pods(), namespace), started));
            // Events carry no labels: all of the namespace, matched to watched objects by their involvedObject.
            events.add(inform(namespace == null ? client.v1().events().inAnyNamespace()
                    : client.v1().events().inNamespace(namespace), started));
        }
        try {
            CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0]))
                    .get(settings.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the informers to sync", e);
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("the informers could not list the watched objects: " + e.getCause(), e);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("the informers did not sync within " + settings.syncTimeout()
                    + (lastError == null ? "" : "; last error: " + lastError), e);
        }
    }

    /** Whether every informer has listed its objects at least once. */
    public boolean hasSynced() {
        return !pods.isEmpty() && all().stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** The informers' current contents. */
    public ClusterState snapshot() {
        return new ClusterState(contents(deployments), contents(replicaSets), contents(pods), contents(events));
    }

    /** How many add, update and delete notifications (resyncs included) the informers delivered. */
    public long notifications() {
        return notifications.get();
    }

    /** The last error an informer reported (it retries on its own), or null. */
    public String lastError() {
        return lastError;
    }

    /** Stops the informers. */
    @Override
    public synchronized void close() {
        for (SharedIndexInformer<?> informer : all()) {
            try {
                informer.close();
            } catch (RuntimeException e) {
                LOG.debug("Could not stop an informer", e);
            }
        }
        deployments.clear();
        replicaSets.clear();
        pods.clear();
        events.clear();
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
            FilterWatchListDeletable<T, L, R> labelled(MixedOperation<T, L, R> operation, String namespace) {
        FilterWatchListDeletable<T, L, R> selected = namespace == null ? operation.inAnyNamespace()
                : operation.inNamespace(namespace);
        return settings.scope().labels().isEmpty() ? selected : selected.withLabels(settings.scope().labels());
    }

    private <T extends HasMetadata> SharedIndexInformer<T> inform(Informable<T> source,
            List<CompletableFuture<Void>> started) {
        SharedIndexInformer<T> informer = source.runnableInformer(settings.resyncPeriod().toMillis());
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T object) {
                changed();
            }

            @Override
            public void onUpdate(T before, T after) {
                changed();
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                changed();
            }
        });
        informer.exceptionHandler((isStarted, error) -> {
            lastError = informer.getApiTypeClass().getSimpleName() + " informer: " + error;
            LOG.debug("Informer error, retrying", error);
            return true;
        });
        started.add(informer.start().toCompletableFuture());
        return informer;
    }

    private void changed() {
        notifications.incrementAndGet();
        try {
            onChange.run();
        } catch (RuntimeException e) {
            lastError = "change handler failed: " + e;
            LOG.warn("The monitor's change handler failed", e);
        }
    }

    private List<SharedIndexInformer<?>> all() {
        List<SharedIndexInformer<?>> all = new ArrayList<>();
        all.addAll(deployments);
        all.addAll(replicaSets);
        all.addAll(pods);
        all.addAll(events);
        return all;
    }

    private static <T> List<T> contents(List<SharedIndexInformer<T>> informers) {
        List<T> items = new ArrayList<>();
        for (SharedIndexInformer<T> informer : informers) {
            items.addAll(informer.getStore().list());
        }
        return items;
    }
}
