package io.aidevops.monitor;

import io.aidevops.monitor.alert.AlertKind;
import io.aidevops.monitor.watch.WatchScope;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The informers against fabric8's mock API server in CRUD mode behind a dispatcher that fails on purpose: pod lists
 * answered with 500, pod watches answered with 410 Gone (what a server says to a watch it dropped, after which an
 * informer lists everything again). However often the informers see the pod, it is one alert.
 */
class WatchResilienceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final FlakyApi api = new FlakyApi();
    private final RecordingSink sink = new RecordingSink();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private Monitor monitor;

    /** Passes requests to the CRUD store, except the failures it is told to make. */
    private static final class FlakyApi extends Dispatcher {
        final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        final AtomicInteger podListFailures = new AtomicInteger();
        final AtomicInteger podWatchesGone = new AtomicInteger();
        final AtomicInteger podLists = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if ("GET".equals(request.getMethod()) && path.startsWith("/api/v1/pods")) {
                if (path.contains("watch=true")) {
                    if (podWatchesGone.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return status(410, "Expired", "too old resource version");
                    }
                } else {
                    podLists.incrementAndGet();
                    if (podListFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return status(500, "InternalError", "etcdserver: request timed out");
                    }
                }
            }
            return store.dispatch(request);
        }

        private static MockResponse status(int code, String reason, String message) {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                            + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}");
        }
    }

    @BeforeEach
    void start() {
        MockWebServer web = new MockWebServer();
        server = new KubernetesMockServer(new Context(), web, new HashMap<>(), api.store, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        web.setDispatcher(api);
        client = server.createClient();
        client.pods().inNamespace("default").resource(crashLooping("shop-1")).create();
    }

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        client.close();
        server.destroy();
    }

    private static Pod crashLooping(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToLabels(WatchScope.MANAGED_BY_LABEL, WatchScope.MANAGED_BY_VALUE).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("shop:1").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("app").withReady(false)
                .withRestartCount(4)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1)
                .withFinishedAt(NOW.minusSeconds(5).toString()).endTerminated().endLastState()
                .endContainerStatus().endStatus().build();
    }

    private Monitor monitor() {
        monitor = new Monitor(client, List.of(), sink, MonitorSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        monitor.start();
        return monitor;
    }

    @Test
    void apiErrorsWhileListingDelayTheAlertButNeverDuplicateIt() {
        api.podListFailures.set(2);

        monitor();
        monitor.collect(NOW);

        assertThat(api.podLists.get()).as("two failed lists, then one that worked").isGreaterThanOrEqualTo(3);
        assertThat(sink.raised()).extracting(alert -> alert.kind()).containsExactly(AlertKind.CRASH_LOOP);
    }

    @Test
    void droppedWatchMeansARelistThatRaisesNothingAgain() {
        api.podWatchesGone.set(1);

        monitor();
        Eventually.until("a relist after the dropped watch", () -> api.podLists.get() >= 2);
        Eventually.until("the watch re-established", () -> api.podWatchesGone.get() == 0);
        monitor.collect(NOW);
        monitor.collect(NOW.plusSeconds(30));

        assertThat(sink.raised()).hasSize(1);
        assertThat(monitor.openAlerts()).hasSize(1);
    }

    @Test
    void podRemovedAroundADroppedWatchResolvesItsAlertOnce() {
        api.podWatchesGone.set(1);
        monitor();
        // Whether the delete arrives by the re-established watch or by the relist, the alert resolves once.
        client.pods().inNamespace("default").withName("shop-1").delete();
        // Resolved once the problem has stayed gone for the resolve grace.
        Eventually.until("the crash loop resolved", () -> {
            monitor.collect(NOW);
            monitor.collect(NOW.plus(io.aidevops.monitor.watch.WatchSettings.defaults().resolveGrace()));
            return !sink.resolved().isEmpty();
        });

        assertThat(sink.raised()).hasSize(1);
        assertThat(sink.resolved()).hasSize(1);
    }
}
