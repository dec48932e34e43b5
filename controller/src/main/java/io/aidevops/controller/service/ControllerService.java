package io.aidevops.controller.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aidevops.controller.SuiteVersion;
import io.aidevops.controller.status.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller service: the REST API under {@code /api/v1}. Built on the JDK's own HTTP server, which is enough
 * for a JSON API and starts in milliseconds. Every answer, errors included, is JSON, except where a route answers a
 * {@link ApiResponse.Raw} body (an HTML report). Request bodies are read up to {@link #MAX_BODY_BYTES}; a larger one
 * is answered with 413.
 */
public final class ControllerService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerService.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final String API = "/api/v1";
    private static final int WORKERS = 16;
    // Requests that may wait for a status check at once: the other workers stay free for /health and the rest.
    private static final int STATUS_WAITERS = WORKERS / 2;
    private static final Duration STATUS_WAIT = Duration.ofSeconds(15);
    /** The largest request body a route reads: a judge request of a long window fits easily. */
    public static final int MAX_BODY_BYTES = 10 << 20;

    private final HttpServer server;
    private final ExecutorService workers;
    // Its own thread: a check queued behind request threads that wait for it would never run.
    private final ExecutorService statusChecks = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "aidevops-status-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Map<String, ApiRoute>> routes = new LinkedHashMap<>();
    private final Function<String, StatusReport> status;
    private final Clock clock;
    private final Instant started;
    private final Semaphore statusWaiters = new Semaphore(STATUS_WAITERS);
    private CompletableFuture<StatusReport> statusInFlight;

    /**
     * The answer of {@code GET /api/v1/health}.
     *
     * @param status        always {@code UP}: a service that answers is up
     * @param version       the suite's version
     * @param uptimeSeconds seconds since the service started
     */
    public record Health(String status, String version, long uptimeSeconds) {
    }

    /**
     * The answer of {@code GET /api/v1}.
     *
     * @param endpoints every route, e.g. {@code GET /api/v1/health}
     */
    public record Index(List<String> endpoints) {
    }

    /**
     * Binds the service; it answers once {@link #start()} is called.
     *
     * @param bindAddress interface to listen on
     * @param port        TCP port; 0 picks a free one
     * @param status      computes {@code /api/v1/status} answers, given the service's own URL
     * @param clock       for uptime
     * @throws IOException when the address cannot be bound (port in use, unknown interface)
     */
    public ControllerService(String bindAddress, int port, Function<String, StatusReport> status, Clock clock)
            throws IOException {
        this.status = status;
        this.clock = clock;
        this.started = clock.instant();
        // A client that sends its request slowly must not hold a worker for ever (the JDK server waits without limit
        // unless told); read once by the JDK when its first server starts.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime",
                "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime",
                "60"));
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        var threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            var thread = new Thread(r, "aidevops-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        add(ApiRoute.of("GET", API, () -> ApiResponse.ok(new Index(describeRoutes()))));
        add(ApiRoute.of("GET", API + "/health", () -> ApiResponse.ok(new Health("UP", SuiteVersion.current().suite(),
                Duration.between(started, clock.instant()).toSeconds()))));
        add(ApiRoute.of("GET", API + "/status", this::currentStatus));
    }

    /** Adds an endpoint; capabilities add theirs here before {@link #start()}. */
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

    /**
     * Concurrent status requests share one check: a check may wait seconds for an unreachable cluster, and a
     * dashboard polling from several tabs should not multiply that. Waiting is bounded in time and in the number of
     * waiters, so a hung cluster never takes every worker: the answer is then 503, and /health stays responsive.
     */
    private ApiResponse currentStatus() {
        if (!statusWaiters.tryAcquire()) {
            return ApiResponse.error(503, "too many status requests are waiting for the current check; try again",
                    API + "/status");
        }
        try {
            CompletableFuture<StatusReport> check;
            synchronized (this) {
                if (statusInFlight == null || statusInFlight.isDone()) {
                    statusInFlight = CompletableFuture.supplyAsync(() -> status.apply(url()), statusChecks);
                }
                check = statusInFlight;
            }
            return ApiResponse.ok(check.get(STATUS_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return ApiResponse.error(503, "the status check is still running after " + STATUS_WAIT.toSeconds()
                    + " s (a cluster or Prometheus that does not answer?); try again", API + "/status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking status", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("status check failed: " + e.getCause(), e.getCause());
        } finally {
            statusWaiters.release();
        }
    }

    private ApiResponse route(String method, String path, HttpExchange exchange) throws IOException {
        var normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        var allowed = new TreeSet<String>();
        // HEAD is GET without the body, as HTTP defines it.
        var wanted = "HEAD".equals(method) ? "GET" : method;
        for (var entry : routes.entrySet()) {
            var params = PathTemplate.match(entry.getKey(), normalized);
            if (params.isEmpty()) {
                continue;
            }
            var route = entry.getValue().get(wanted);
            if (route == null) {
                allowed.addAll(entry.getValue().keySet());
                continue;
            }
            var body = RequestBody.read(exchange, MAX_BODY_BYTES);
            if (body.isEmpty()) {
                return ApiResponse.error(413, "the body is larger than " + (MAX_BODY_BYTES >> 20) + " MiB", path);
            }
            var query = PathTemplate.query(exchange.getRequestURI().getRawQuery());
            return route.handler().apply(new ApiRequest(method, path, query, params.get(), body.get()));
        }
        if (allowed.isEmpty()) {
            return ApiResponse.error(404, "no such endpoint; GET " + API + " lists them", path);
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        exchange.getResponseHeaders().add("Allow", String.join(", ", allowed));
        return ApiResponse.error(405, "method " + method + " not allowed; allowed: " + String.join(", ", allowed),
                path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var method = exchange.getRequestMethod();
        ApiResponse response;
        try {
            response = route(method, path, exchange);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            // The details stay in the log: an exception's text is no business of a client's.
            response = ApiResponse.error(500, "internal error; the controller's log has the details", path);
        }
        byte[] body;
        if (response.body() instanceof ApiResponse.Raw raw) {
            body = raw.text().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", raw.contentType());
        } else {
            body = JSON.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
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
        statusChecks.shutdownNow();
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
