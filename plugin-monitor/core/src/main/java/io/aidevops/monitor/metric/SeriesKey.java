package io.aidevops.monitor.metric;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of one metric series: one detector and one alert fingerprint per key.
 *
 * @param namespace the workload's namespace
 * @param workload the workload's name
 * @param metric the metric, e.g. {@code error_rate}
 * @param labels further labels that tell series of one metric apart (e.g. {@code pod}), sorted; often empty
 */
public record SeriesKey(String namespace, String workload, String metric, SortedMap<String, String> labels) {

    /** Copies the labels into a sorted, unmodifiable map. */
    public SeriesKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(metric, "metric");
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A series of a workload's metric without further labels. */
    public static SeriesKey of(Workload workload, String metric) {
        return new SeriesKey(workload.namespace(), workload.name(), metric, new TreeMap<>());
    }

    /** A series of a workload's metric with labels. */
    public static SeriesKey of(Workload workload, String metric, Map<String, String> labels) {
        return new SeriesKey(workload.namespace(), workload.name(), metric, new TreeMap<>(labels));
    }

    /** The metric with its labels, e.g. {@code memory{pod="shop-1"}}: stable, so usable in fingerprints. */
    public String metricWithLabels() {
        if (labels.isEmpty()) {
            return metric;
        }
        StringBuilder text = new StringBuilder(metric).append('{');
        labels.forEach((name, value) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ",").append(name)
                .append("=\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return text.append('}').toString();
    }

    /** For people: {@code namespace/workload metric{labels}}. */
    public String displayName() {
        return namespace + "/" + workload + " " + metricWithLabels();
    }
}
