package io.aidevops.cluster;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.time.Clock;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's {@link KubernetesMockServer} in CRUD mode on {@code 127.0.0.1}, plain HTTP, answering discovery and the
 * scale subresource as well (see {@link ApiServerDispatcher}).
 */
final class ApiServer implements AutoCloseable {

    /*
     * MockWebServer logs every request at INFO through java.util.logging, which would flood the demo's console with
     * the reconciler's traffic. JUL holds loggers weakly, so the configured logger is kept here.
     */
    private static final Logger REQUEST_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        REQUEST_LOG.setLevel(Level.WARNING);
    }

    private final MockWebServer webServer;
    private final KubernetesMockServer server;

    private ApiServer(MockWebServer webServer, KubernetesMockServer server) {
        this.webServer = webServer;
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @param port the TCP port, 0 for an ephemeral one
     * @param clock the simulator's clock, for the ages kubectl shows
     * @return the running server
     */
    static ApiServer start(int port, Clock clock) {
        MockWebServer webServer = new MockWebServer();
        KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), webServer, new HashMap<>(), store, false);
        try {
            server.init(ClusterNode.address(), port);
        } catch (IllegalStateException e) {
            IllegalStateException failure = new IllegalStateException("Cannot start the embedded API server on "
                    + ClusterNode.IP + ":" + port + (port == 0 ? "" : "; is the port in use?"), e);
            try {
                server.destroy(); // releases the Vert.x threads the server created before it failed to bind
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        // Discovery names the bound address, known only now. No client knows the server yet, so none can have
        // reached the plain store in between.
        ApiDiscovery discovery = new ApiDiscovery(ServedResource.catalogue(), ClusterNode.IP + ":" + server.getPort());
        webServer.setDispatcher(new ApiServerDispatcher(discovery, store, new ServerSideTable(clock)));
        return new ApiServer(webServer, server);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://" + ClusterNode.IP + ":" + server.getPort();
    }

    /**
     * Forgets the requests the server has recorded so far. MockWebServer keeps every request it ever received for
     * test assertions; for a cluster that runs for hours that is an unbounded queue, so the cluster trims it.
     */
    void discardRecordedRequests() {
        webServer.reset();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
