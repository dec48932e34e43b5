package io.aidevops.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Logs the problems of reconcile passes once each: a bad Deployment is reported in every pass, several times a
 * second, but warned about only when it first appears (and again should it come back after being fixed).
 */
final class ProblemLog {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSimulator.class);

    private Set<String> current = Set.of();

    /** Takes the problems of the latest pass. */
    synchronized void update(List<String> problems) {
        Set<String> next = new HashSet<>(problems);
        for (String problem : problems) {
            if (!current.contains(problem)) {
                LOG.warn("The cluster simulator cannot handle {}; it skips that object and carries on", problem);
            }
        }
        current = next;
    }
}
