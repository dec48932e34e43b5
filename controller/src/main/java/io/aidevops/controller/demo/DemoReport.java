package io.aidevops.controller.demo;

import io.aidevops.monitor.alert.AlertJournal;

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
 * @param canaries       the two canaries, good then bad, with their outcome
 * @param replicaSets    the Deployment's ReplicaSets at the end, newest first, with their replica counts
 * @param finalImage     the image the stable Deployment runs at the end
 * @param alerts         what the monitor raised, most recent first, each with its evidence and whether it resolved
 * @param alertJournal   the file the alerts were written to
 */
public record DemoReport(String apiServer, String kubeconfig, String namespace, String deployment,
                         long firstReadyMs, List<PodMetrics> pods, List<CanaryOutcome> canaries,
                         List<String> replicaSets, String finalImage, List<AlertJournal.Entry> alerts,
                         String alertJournal) {

    /** Copies the lists. */
    public DemoReport {
        pods = List.copyOf(pods);
        canaries = List.copyOf(canaries);
        replicaSets = List.copyOf(replicaSets);
        alerts = List.copyOf(alerts);
    }
}
