package io.aidevops.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The node agent: runs the containers of every pod bound to the node in the simulated container runtime, serves each
 * pod's metrics, and reports the pods' status and events.
 */
final class Kubelet implements ReconcileStage {

    static final String COMPONENT = "kubelet";
    /** Where the full URL of a pod's metrics endpoint is published. */
    static final String METRICS_URL_ANNOTATION = "aidevops.io/metrics-url";
    /** What the simulated node grants a container that declares no memory limit. */
    static final long DEFAULT_MEMORY_LIMIT_BYTES = 512L * 1024 * 1024;

    private final Clock clock;
    private final long seed;
    private final Duration containerStartDelay;
    private final Duration readinessDelay;
    private final BehaviourResolver behaviours;
    private final MetricsServer metrics;
    private final Map<String, PodRuntime> runtimes = new ConcurrentHashMap<>();

    Kubelet(Clock clock, long seed, Duration containerStartDelay, Duration readinessDelay, BehaviourResolver behaviours,
            MetricsServer metrics) {
        this.clock = clock;
        this.seed = seed;
        this.containerStartDelay = containerStartDelay;
        this.readinessDelay = readinessDelay;
        this.behaviours = behaviours;
        this.metrics = metrics;
    }

    @Override
    public void run(ReconcilePass pass) {
        ClusterSnapshot snapshot = pass.snapshot();
        List<Pod> pods = snapshot.pods().stream()
                .filter(pod -> PodConditions.isActive(pod) && pod.getSpec() != null
                        && ClusterNode.NAME.equals(pod.getSpec().getNodeName()))
                .collect(Collectors.toList());
        Set<String> present = pods.stream().map(pod -> pod.getMetadata().getUid()).collect(Collectors.toSet());
        // Forget deleted pods first, so that a recreated pod of the same name takes over the metrics path cleanly.
        runtimes.values().removeIf(runtime -> {
            boolean gone = !present.contains(runtime.uid());
            if (gone) {
                metrics.unregister(runtime.pod(), runtime.uid());
            }
            return gone;
        });
        pass.forEachIsolated(pods, pod -> sync(pod, snapshot, pass));
    }

    /**
     * Applies an on-demand fault to the pod's main container at the current instant.
     *
     * @throws IllegalArgumentException if the kubelet runs no pod of that name
     */
    void inject(ObjectKey pod, Consumer<PodRuntime> fault) {
        PodRuntime runtime = runtimes.values().stream()
                .filter(candidate -> candidate.pod().equals(pod))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The kubelet runs no pod " + pod
                        + "; it must exist and have been reconciled at least once"));
        fault.accept(runtime);
    }

    private void sync(Pod pod, ClusterSnapshot snapshot, ReconcilePass pass) {
        Instant now = pass.now();
        Optional<ObjectKey> deployment = snapshot.deploymentOf(pod);
        PodRuntime runtime = runtimes.computeIfAbsent(pod.getMetadata().getUid(), uid -> admit(pod, deployment, now));
        Pod current = publishMetricsAddress(pod, pass);
        Map<String, String> images = new HashMap<>();
        pod.getSpec().getContainers().forEach(container -> images.put(container.getName(), container.getImage()));
        // Level-triggered: a behaviour changed at run time reaches running containers here.
        runtime.changeBehaviours(container -> behaviours.resolve(deployment, images.get(container)), now);
        for (ContainerEvent event : runtime.advanceTo(now)) {
            pass.event(current, "spec.containers{" + event.container() + "}", event.type(), event.reason(),
                    event.message(), COMPONENT, event.at());
        }
        PodStatus status = PodStatusRenderer.render(runtime, now);
        if (ReconcilePass.differ(current.getStatus(), status)) {
            Pod reported = new PodBuilder(current).withStatus(status).build();
            pass.write(() -> pass.client().pods().inNamespace(pod.getMetadata().getNamespace()).resource(reported)
                    .updateStatus());
        }
    }

    private PodRuntime admit(Pod pod, Optional<ObjectKey> deployment, Instant now) {
        ObjectKey key = ObjectKey.of(pod);
        String description = key.name() + "_" + key.namespace() + "(" + pod.getMetadata().getUid() + ")";
        List<SimulatedContainer> containers = pod.getSpec().getContainers().stream()
                .map(container -> new SimulatedContainer(container.getName(), container.getImage(), description,
                        memoryLimit(container), Noise.key(seed, key.namespace(), key.name(), container.getName()),
                        readinessDelay, behaviours.resolve(deployment, container.getImage()), now,
                        now.plus(containerStartDelay)))
                .collect(Collectors.toList());
        PodRuntime runtime = new PodRuntime(key, pod.getMetadata().getUid(), now, containers);
        metrics.register(key, runtime.uid(), () -> runtime.exposition(clock.instant()));
        return runtime;
    }

    /** Adds the scrape annotations, unless the pod already carries them. */
    private Pod publishMetricsAddress(Pod pod, ReconcilePass pass) {
        ObjectKey key = ObjectKey.of(pod);
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("prometheus.io/scrape", "true");
        wanted.put("prometheus.io/port", String.valueOf(metrics.port()));
        wanted.put("prometheus.io/path", MetricsServer.pathOf(key));
        wanted.put(METRICS_URL_ANNOTATION, metrics.urlOf(key).toString());
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        if (annotations != null && annotations.entrySet().containsAll(wanted.entrySet())) {
            return pod;
        }
        Pod annotated = new PodBuilder(pod).editMetadata().addToAnnotations(wanted).endMetadata().build();
        return pass.write(() -> pass.client().pods().inNamespace(key.namespace()).resource(annotated).update());
    }

    private static long memoryLimit(Container container) {
        if (container.getResources() == null || container.getResources().getLimits() == null) {
            return DEFAULT_MEMORY_LIMIT_BYTES;
        }
        Quantity limit = container.getResources().getLimits().get("memory");
        if (limit == null) {
            return DEFAULT_MEMORY_LIMIT_BYTES;
        }
        try {
            return Quantity.getAmountInBytes(limit).longValue();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException("container " + container.getName()
                    + ": resources.limits.memory is not a quantity: \"" + limit + "\"", e);
        }
    }
}
