package io.aidevops.controller.demo;

import java.util.List;

/**
 * What the demo did, for {@code aidevops demo --format json} and for tests.
 *
 * @param apiServer      the embedded API server's URL
 * @param kubeconfig     where its kubeconfig was written
 * @param namespace      the namespace the sample application went into
 * @param deployment     the sample Deployment's name
 * @param firstReadyMs   milliseconds until the first release was fully available
 * @param pods           per-pod figures of the first release, from the pods' metrics endpoints
 * @param rolloutMs      milliseconds the rolling update to the second release took
 * @param replicaSets    the Deployment's ReplicaSets after the rollout, newest first, with their replica counts
 * @param finalImage     the image every pod runs at the end
 */
public record DemoReport(String apiServer, String kubeconfig, String namespace, String deployment,
                         long firstReadyMs, List<PodMetrics> pods, long rolloutMs, List<String> replicaSets,
                         String finalImage) {

    public DemoReport {
        pods = List.copyOf(pods);
        replicaSets = List.copyOf(replicaSets);
    }
}
