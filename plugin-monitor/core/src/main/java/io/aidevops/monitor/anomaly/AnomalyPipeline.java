package io.aidevops.monitor.anomaly;

import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.ai.anomaly.Evidence;
import io.aidevops.ai.anomaly.StreamingDetector;
import io.aidevops.monitor.metric.Sample;
import io.aidevops.monitor.metric.SeriesKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scores every point of every series with that series' own detector, in constant memory per series: the detector's
 * state, a small ring of recent values, the previous point's time and a counter.
 *
 * <p>Points a detector must not see are skipped and counted instead: NaN, infinite values, and points not later
 * than the series' previous one (a source repeating itself, or a clock going backwards). Nothing a source delivers
 * makes it throw. Thread-safe.
 */
public final class AnomalyPipeline {

    private final PipelineSettings settings;
    private final Supplier<StreamingDetector> detectors;
    private final Map<SeriesKey, Series> series = new HashMap<>();
    // The series of each workload, so an alert's correlation reads a handful of series, not all of them.
    private final Map<String, Set<SeriesKey>> byWorkload = new HashMap<>();
    private long points;
    private long notANumber;
    private long infinite;
    private long nonMonotonic;

    /** A pipeline with the settings' detector for each series. */
    public AnomalyPipeline(PipelineSettings settings) {
        this(settings, () -> Detectors.create(settings.detector()));
    }

    /**
     * A pipeline with detectors from {@code detectors}, e.g. one being evaluated before it is registered.
     *
     * @param settings threshold, evidence size and retention
     * @param detectors makes a fresh detector for each new series
     */
    public AnomalyPipeline(PipelineSettings settings, Supplier<StreamingDetector> detectors) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.detectors = Objects.requireNonNull(detectors, "detectors");
    }

    /** The settings. */
    public PipelineSettings settings() {
        return settings;
    }

    /**
     * Scores one point, or skips it.
     *
     * @return what happened to it
     */
    public synchronized PointOutcome accept(Sample sample) {
        SeriesKey key = sample.series();
        double value = sample.value();
        if (Double.isNaN(value)) {
            notANumber++;
            return new PointOutcome.Skipped(key, PointOutcome.Reason.NOT_A_NUMBER);
        }
        if (Double.isInfinite(value)) {
            infinite++;
            return new PointOutcome.Skipped(key, PointOutcome.Reason.INFINITE);
        }
        Series state = series.get(key);
        if (state == null) {
            state = new Series(detectors.get(), settings.recentValues());
            series.put(key, state);
            byWorkload.computeIfAbsent(workloadOf(key), k -> new HashSet<>()).add(key);
        }
        if (state.last != null && !sample.at().isAfter(state.last)) {
            nonMonotonic++;
            return new PointOutcome.Skipped(key, PointOutcome.Reason.NON_MONOTONIC);
        }
        state.last = sample.at();
        state.recent.add(value);
        double score = state.detector.score(sample.at().getEpochSecond(), value);
        // A detector outside its contract must not raise or silence alerts by accident.
        score = Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
        boolean anomalous = score >= settings.threshold();
        state.sinceAnomaly = anomalous ? 0 : state.sinceAnomaly + 1;
        points++;
        return new PointOutcome.Scored(key, sample.at(), value, score, anomalous, state.sinceAnomaly,
                anomalous ? state.detector.lastEvidence() : Evidence.NONE);
    }

    /** The series' recent values, oldest first; empty for an unknown series. */
    public synchronized List<Float> recentValues(SeriesKey key) {
        Series state = series.get(key);
        return state == null ? List.of() : state.recent.values();
    }

    /**
     * The recent values of every series of one workload, for finding the signals that moved with an anomalous one.
     *
     * @return series to their recent values, oldest first
     */
    public synchronized Map<SeriesKey, List<Float>> recentValuesOfWorkload(String namespace, String workload) {
        Map<SeriesKey, List<Float>> values = new java.util.TreeMap<>(java.util.Comparator.comparing(
                SeriesKey::displayName));
        for (SeriesKey key : byWorkload.getOrDefault(namespace + "/" + workload, Set.of())) {
            values.put(key, series.get(key).recent.values());
        }
        return values;
    }

    /** When the series' latest scored point was. */
    public synchronized Optional<Instant> lastPoint(SeriesKey key) {
        Series state = series.get(key);
        return state == null ? Optional.empty() : Optional.ofNullable(state.last);
    }

    /**
     * Forgets the series without a point in the retention period before {@code now} (their workload is gone, or the
     * source stopped reporting them), so that churning series do not grow memory without bound.
     *
     * @return the forgotten series
     */
    public synchronized List<SeriesKey> forgetIdle(Instant now) {
        Instant horizon = now.minus(settings.seriesRetention());
        List<SeriesKey> forgotten = new ArrayList<>();
        series.entrySet().removeIf(entry -> {
            Instant last = entry.getValue().last;
            boolean idle = last == null || last.isBefore(horizon);
            if (idle) {
                forgotten.add(entry.getKey());
                Set<SeriesKey> siblings = byWorkload.get(workloadOf(entry.getKey()));
                if (siblings != null && siblings.remove(entry.getKey()) && siblings.isEmpty()) {
                    byWorkload.remove(workloadOf(entry.getKey()));
                }
            }
            return idle;
        });
        return forgotten;
    }

    private static String workloadOf(SeriesKey key) {
        return key.namespace() + "/" + key.workload();
    }

    /** How many series have state. */
    public synchronized int seriesCount() {
        return series.size();
    }

    /** How many points were scored. */
    public synchronized long scoredPoints() {
        return points;
    }

    /** How many points were skipped, by reason. */
    public synchronized SkippedPoints skipped() {
        return new SkippedPoints(notANumber, infinite, nonMonotonic);
    }

    /** The state of one series. */
    private static final class Series {
        final StreamingDetector detector;
        final RecentValues recent;
        Instant last;
        long sinceAnomaly;

        Series(StreamingDetector detector, int recentValues) {
            this.detector = detector;
            this.recent = new RecentValues(recentValues);
        }
    }
}
