package io.aidevops.ai.anomaly;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The detectors a user can name, each made fresh per series. */
public final class Detectors {

    /** The detector used when none is named. */
    public static final String DEFAULT = "ewma-z";

    private Detectors() {
    }

    /** The names {@link #create} knows. */
    public static List<String> names() {
        return List.of("ewma-z");
    }

    /**
     * A fresh detector for one series.
     *
     * @throws IllegalArgumentException naming the known detectors if {@code name} is unknown
     */
    public static StreamingDetector create(String name) {
        Supplier<StreamingDetector> supplier = switch (name.toLowerCase(Locale.ROOT)) {
            case "ewma-z" -> EwmaZDetector::new;
            default -> null;
        };
        if (supplier == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + String.join(", ",
                    names()));
        }
        return supplier.get();
    }
}
