package io.aidevops.controller.service;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.aidevops.monitor.alert.AlertJournal;
import io.aidevops.controller.monitor.BackgroundMonitor;

/**
 * The monitor's endpoints: {@code GET /api/v1/monitor} (what it is doing, its figures),
 * {@code GET /api/v1/alerts?state=open|resolved|all} (newest first; open by default) and
 * {@code GET /api/v1/alerts/{fingerprint}} (one alert with its evidence).
 */
public final class MonitorRoutes {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8,64}");

    private final AlertJournal journal;
    private final Supplier<BackgroundMonitor.Status> status;

    /**
     * The alerts asked for.
     *
     * @param state the state asked for
     * @param alerts newest first
     */
    public record Listing(String state, List<AlertJournal.Entry> alerts) {
    }

    /**
     * @param journal the alerts
     * @param status what the monitor is doing ({@code monitoring.enabled: false} has a status too)
     */
    public MonitorRoutes(AlertJournal journal, Supplier<BackgroundMonitor.Status> status) {
        this.journal = journal;
        this.status = status;
    }

    /** The routes, to add to a {@link ControllerService}. */
    public List<ApiRoute> all() {
        return List.of(ApiRoute.of("GET", "/api/v1/monitor", () -> ApiResponse.ok(status.get())),
                new ApiRoute("GET", "/api/v1/alerts", this::list),
                new ApiRoute("GET", "/api/v1/alerts/{fingerprint}", this::one));
    }

    private ApiResponse list(ApiRequest request) {
        String state = request.query("state").orElse("open").toLowerCase(Locale.ROOT);
        List<AlertJournal.Entry> alerts;
        switch (state) {
            case "open" -> alerts = journal.open();
            case "resolved" -> alerts = journal.all().stream().filter(e -> !e.open()).toList();
            case "all" -> alerts = journal.all();
            default -> {
                return ApiResponse.error(400, "state must be open, resolved or all, was '" + state + "'",
                        request.path());
            }
        }
        return ApiResponse.ok(new Listing(state, alerts));
    }

    private ApiResponse one(ApiRequest request) {
        String fingerprint = request.pathParam("fingerprint");
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            return ApiResponse.error(400, "'" + fingerprint + "' is not an alert fingerprint (lower-case hex)",
                    request.path());
        }
        return journal.all().stream().filter(e -> e.alert().fingerprint().equals(fingerprint)).findFirst()
                .map(ApiResponse::ok)
                .orElseGet(() -> ApiResponse.error(404, "no alert " + fingerprint, request.path()));
    }
}
