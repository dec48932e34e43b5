package io.aidevops.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves every simulated pod's metrics endpoint from one loopback HTTP server, one path per pod:
 * {@code http://127.0.0.1:<port>/pods/<namespace>/<pod>/metrics}.
 *
 * <p>One shared server rather than one per pod: pods come and go by the dozen during rollouts, and a shared server
 * makes that a map update instead of a socket bind; it needs one port and two threads however many pods run. All pods
 * share the node's address anyway, so per-pod ports would not make them look more real to a scraper, which finds
 * port and path through the {@code prometheus.io/*} annotations either way.
 */
final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final String PREFIX = "/pods/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** A pod's endpoint: the pod's UID tells a recreated pod of the same name from its predecessor. */
    private record Endpoint(String uid, Supplier<Optional<String>> exposition) {
    }

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on an ephemeral loopback port. */
    static MetricsServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(ClusterNode.address(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "aidevops-pod-metrics");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            MetricsServer metrics = new MetricsServer(server, executor);
            server.createContext("/", metrics::handle);
            server.start();
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the pod metrics server on 127.0.0.1", e);
        }
    }

    /** The bound port. */
    int port() {
        return server.getAddress().getPort();
    }

    /** The path of {@code pod}'s endpoint. */
    static String pathOf(ObjectKey pod) {
        return PREFIX + pod.namespace() + "/" + pod.name() + "/metrics";
    }

    /** The full URL of {@code pod}'s endpoint. */
    URI urlOf(ObjectKey pod) {
        return URI.create("http://" + ClusterNode.IP + ":" + port() + pathOf(pod));
    }

    /**
     * Serves {@code pod}'s metrics.
     *
     * @param pod the pod
     * @param uid the pod's UID
     * @param exposition the current exposition text, empty while the container is not running
     */
    void register(ObjectKey pod, String uid, Supplier<Optional<String>> exposition) {
        endpoints.put(pathOf(pod), new Endpoint(uid, exposition));
    }

    /** Stops serving {@code pod}'s metrics, unless a newer pod of the same name has taken the path over. */
    void unregister(ObjectKey pod, String uid) {
        endpoints.computeIfPresent(pathOf(pod), (path, endpoint) -> endpoint.uid().equals(uid) ? null : endpoint);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET is supported\n");
            } else if (endpoint == null) {
                respond(exchange, 404, "text/plain; charset=utf-8", "no such pod\n");
            } else {
                Optional<String> text = endpoint.exposition().get();
                if (text.isPresent()) {
                    respond(exchange, 200, PrometheusText.CONTENT_TYPE, text.get());
                } else {
                    // A real pod whose container is down refuses the connection; a 503 is the closest a shared
                    // server can get, and scrapers count both as the target being down.
                    respond(exchange, 503, "text/plain; charset=utf-8", "container not running\n");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Pod metrics request {} failed", exchange.getRequestURI(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
