package io.aidevops.controller.status;

import java.util.List;

/**
 * The answer of {@code aidevops status} and {@code GET /api/v1/status}: rendered by both, computed once by
 * {@link StatusInspector}.
 *
 * @param health        the worst health of all components
 * @param environment   {@code AIDEVOPS_ENV}
 * @param configSource  where the configuration came from
 * @param version       the suite's version
 * @param java          the Java runtime
 * @param os            operating system, architecture and processor count
 * @param kubernetes    the cluster check
 * @param components    every component's state
 */
public record StatusReport(Health health, String environment, String configSource, String version, String java,
                           String os, KubernetesStatus kubernetes, List<ComponentStatus> components) {

    public StatusReport {
        components = List.copyOf(components);
    }
}
