package io.aidevops.ai.canary.evaluation;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The rollouts an evaluation judges, produced one at a time so a large corpus never sits in memory.
 *
 * @param description what the corpus is, for the report
 * @param seed the generator's seed (0 for a hand-made corpus)
 * @param size how many rollouts {@code scenarios} yields
 * @param scenarios the rollouts; may be iterated once per evaluation
 */
public record Corpus(String description, long seed, int size, Iterable<Scenario> scenarios) {

    /** Rejects nulls and a negative size. */
    public Corpus {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scenarios, "scenarios");
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, but is " + size);
        }
    }

    /** A corpus of rollouts made by hand. */
    public static Corpus of(String description, List<Scenario> scenarios) {
        List<Scenario> copy = List.copyOf(scenarios);
        return new Corpus(description, 0, copy.size(), copy);
    }

    /**
     * A generated corpus: {@code entry.rollouts()} rollouts of each entry's spec, generated as they are iterated.
     *
     * @param generator the generator (its seed becomes the corpus's)
     * @param entries what to generate, in order
     * @param seed the generator's seed, for the report
     * @param description what the corpus is
     */
    public static Corpus generated(ScenarioGenerator generator, List<Entry> entries, long seed, String description) {
        List<Entry> plan = List.copyOf(entries);
        int size = plan.stream().mapToInt(Entry::rollouts).sum();
        Iterable<Scenario> scenarios = () -> new Iterator<>() {
            private int entry;
            private int index;

            @Override
            public boolean hasNext() {
                while (entry < plan.size() && index >= plan.get(entry).rollouts()) {
                    entry++;
                    index = 0;
                }
                return entry < plan.size();
            }

            @Override
            public Scenario next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return generator.generate(plan.get(entry).spec(), index++);
            }
        };
        return new Corpus(description, seed, size, scenarios);
    }

    /**
     * How many rollouts of one spec a generated corpus holds.
     *
     * @param spec what to inject
     * @param rollouts how many rollouts
     */
    public record Entry(ScenarioSpec spec, int rollouts) {

        /** Rejects a null spec and a negative count. */
        public Entry {
            Objects.requireNonNull(spec, "spec");
            if (rollouts < 0) {
                throw new IllegalArgumentException("rollouts must be at least 0, but is " + rollouts);
            }
        }
    }
}
