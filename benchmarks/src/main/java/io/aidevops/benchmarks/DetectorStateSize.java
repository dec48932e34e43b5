package io.aidevops.benchmarks;

import java.util.List;
import java.util.Locale;

import io.aidevops.ai.anomaly.Detectors;
import io.aidevops.ai.anomaly.StreamingDetector;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained size of each detector's object graph after it has scored a long series, as JOL lays it out on
 * this JVM (headers, padding and compressed references included); the goal for the default detector is at most
 * 2 KiB per series. Run:
 * {@code java -cp "benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)"
 * io.aidevops.benchmarks.DetectorStateSize [NAME...]}
 */
public final class DetectorStateSize {

    private DetectorStateSize() {
    }

    /**
     * Measures the named detectors, or all of them.
     *
     * @param args detector names; none for every detector
     */
    public static void main(String[] args) {
        List<String> names = args.length == 0 ? Detectors.names() : List.of(args);
        double[] values = MetricSeries.values(50_000, 7);
        System.out.printf(Locale.ROOT, "%-24s %10s %8s%n", "detector", "bytes", "objects");
        for (String name : names) {
            StreamingDetector detector = Detectors.create(name);
            long time = 1_700_000_000L;
            for (double value : values) {
                time += MetricSeries.STEP;
                detector.score(time, value);
            }
            GraphLayout layout = GraphLayout.parseInstance(detector);
            System.out.printf(Locale.ROOT, "%-24s %10d %8d%s%n", name, layout.totalSize(), layout.totalCount(),
                    name.equals(Detectors.DEFAULT) ? "   (default)" : "");
        }
    }
}
