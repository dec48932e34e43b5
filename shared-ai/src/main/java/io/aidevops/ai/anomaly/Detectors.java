package io.aidevops.ai.anomaly;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The detectors a user can name, each made fresh per series, with the alarm threshold the product uses live. */
public final class Detectors {

    /** The detector used when none is named. */
    public static final String DEFAULT = "composite";

    private static final List<Descriptor> ALL = List.of(
            new Descriptor("composite", CompositeDetector.THRESHOLD, CompositeDetector::new,
                    "spike, deviation (shift/trend/variance) and pattern novelty, calibrated per series, with a "
                            + "cool-down"),
            new Descriptor("composite-quiet", CompositeDetector.THRESHOLD, CompositeDetector::quiet,
                    "the composite with its spike view for drops only: half the false alarms, a few anomalies "
                            + "fewer"),
            new Descriptor("ewma-z", EwmaZDetector.ALARM, EwmaZDetector::new,
                    "baseline: short against long exponential average, with a cool-down"));

    private Detectors() {
    }

    /**
     * A registered detector.
     *
     * @param name the name users give
     * @param threshold the fixed alarm threshold shipped with it: scores at or above it alarm
     * @param factory makes a fresh detector for one series
     * @param summary one line for help texts
     */
    public record Descriptor(String name, double threshold, Supplier<StreamingDetector> factory, String summary) {
    }

    /** The names {@link #create} knows, the default first. */
    public static List<String> names() {
        return ALL.stream().map(Descriptor::name).toList();
    }

    /** Every registered detector, the default first. */
    public static List<Descriptor> descriptors() {
        return ALL;
    }

    /**
     * The registered detector of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known detectors if {@code name} is unknown
     */
    public static Descriptor descriptor(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Optional<Descriptor> found = ALL.stream().filter(d -> d.name().equals(wanted)).findFirst();
        return found.orElseThrow(() -> new IllegalArgumentException("unknown detector '" + name + "'; known: "
                + String.join(", ", names())));
    }

    /**
     * A fresh detector for one series.
     *
     * @throws IllegalArgumentException naming the known detectors if {@code name} is unknown
     */
    public static StreamingDetector create(String name) {
        return descriptor(name).factory().get();
    }

    /**
     * The fixed alarm threshold shipped for a detector: what a live monitor compares scores with.
     *
     * @throws IllegalArgumentException naming the known detectors if {@code name} is unknown
     */
    public static double threshold(String name) {
        return descriptor(name).threshold();
    }
}
