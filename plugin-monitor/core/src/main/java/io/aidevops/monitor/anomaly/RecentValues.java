package io.aidevops.monitor.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * The last few values of a series, for evidence: a fixed ring of floats, so a series costs the same memory after a
 * year as after a minute. Not thread-safe; the pipeline guards it.
 */
final class RecentValues {

    private final float[] ring;
    private int next;
    private int size;

    RecentValues(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one recent value must be kept, but capacity is " + capacity);
        }
        ring = new float[capacity];
    }

    void add(double value) {
        ring[next] = (float) value;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The values, oldest first. */
    List<Float> values() {
        List<Float> values = new ArrayList<>(size);
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            values.add(ring[(start + i) % ring.length]);
        }
        return values;
    }
}
