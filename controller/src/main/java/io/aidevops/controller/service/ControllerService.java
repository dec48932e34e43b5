package io.aidevops.controller.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aidevops.controller.SuiteVersion;
import io.aidevops.controller.status.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller service: the REST API under {@code /api/v1}. Built on the JDK's own HTTP server, which is enough
 * for a JSON API and starts in milliseconds. Every answer, errors included, is JSON.
 */
public final class ControllerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerService.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Map<String, ApiRoute>> routes = new LinkedHashMap<>();
    private final Clock clock;
    private final Instant started;

    /**
     * Binds the service; it answers once {@link #start()} is called.
     *
     * @param bindAddress interface to listen on
     * @param port        TCP port; 0 picks a free one
     * @param status      computes {@code /api/v1/status} answers
     * @param clock       for uptime
     * @throws IOException when the address cannot be bound (port in use, unknown interface)
     */
    public ControllerService(String bindAddress, int port, Supplier<StatusReport> status, Clock clock)
            throws IOException {
        this.clock = clock;
        this.started = clock.instant();
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        var threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(4, r -> {
            var thread = new Thread(r, "aidevops-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        add(new ApiRoute("GET", "/api/v1/health", this::health));
        add(new ApiRoute("GET", "/api/v1/status", () -> ApiResponse.ok(status.get())));
    }

    /** Adds an endpoint; later issues add theirs here. */
    public ControllerService add(ApiRoute route) {
        routes.computeIfAbsent(route.path(), p -> new LinkedHashMap<>()).put(route.method(), route);
        return this;
    }

    /** Starts answering requests. */
    public void start() {
        server.start();
        LOG.info("controller service listening on {}", url());
    }

    /** @return the port actually bound (useful with port 0) */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8080} */
    public String url() {
        var host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** @return every route, for the API's own index */
    public List<String> describeRoutes() {
        var described = new ArrayList<String>();
        routes.forEach((path, byMethod) -> byMethod.keySet().forEach(m -> described.add(m + " " + path)));
        return described;
    }

    private ApiResponse health() {
        var uptime = Duration.between(started, clock.instant()).toSeconds();
        return ApiResponse.ok(Map.of("status", "UP", "version", SuiteVersion.current().suite(),
                "uptimeSeconds", uptime));
    }

    private void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var method = exchange.getRequestMethod();
        ApiResponse response;
        Map<String, ApiRoute> byMethod = routes.get(path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1) : path);
        try {
            if (byMethod == null) {
                response = ApiResponse.error(404, "no such endpoint; see GET /api/v1 for the list", path);
                if ("/api/v1".equals(path) || "/api/v1/".equals(path)) {
                    response = ApiResponse.ok(Map.of("endpoints", describeRoutes()));
                }
            } else if (!byMethod.containsKey(method)) {
                exchange.getResponseHeaders().add("Allow", String.join(", ", new TreeSet<>(byMethod.keySet())));
                response = ApiResponse.error(405, "method " + method + " not allowed; allowed: "
                        + String.join(", ", new TreeSet<>(byMethod.keySet())), path);
            } else {
                response = byMethod.get(method).handler().get();
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            response = ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), path);
        }
        var body = JSON.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(response.status(), -1);
        } else {
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
        LOG.debug("{} {} -> {}", method, path, response.status());
    }

    /** Stops accepting requests, lets running ones finish for up to a second, then stops. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        LOG.info("controller service stopped");
    }
}
