package io.aidevops.ai.canary;

/**
 * What a metric measures; it chooses the statistical tests and the defaults.
 *
 * <p>Error rates are judged by counting (errors are rare events, often zero in the baseline), latencies by their
 * location, tail and spread, everything else by location and spread.
 */
public enum MetricKind {
    /** Request latency samples or per-interval latency quantiles; higher is worse. */
    LATENCY(Direction.INCREASE),
    /** Share of failed requests per sample (0 to 1), optionally with the request count of each sample. */
    ERROR_RATE(Direction.INCREASE),
    /** Requests per second per pod; lower is worse. */
    THROUGHPUT(Direction.DECREASE),
    /** CPU or memory usage; higher is worse. */
    RESOURCE(Direction.INCREASE),
    /** Any other gauge; a change either way is suspicious. */
    GAUGE(Direction.EITHER);

    private final Direction defaultDirection;

    MetricKind(Direction defaultDirection) {
        this.defaultDirection = defaultDirection;
    }

    /** The direction used when a metric does not name one. */
    public Direction defaultDirection() {
        return defaultDirection;
    }
}
