package io.aidevops.controller.config;

/** How the suite finds its Kubernetes cluster. */
public enum KubernetesMode {
    /** {@code $KUBECONFIG} or {@code ~/.kube/config} when present, else the in-cluster service account. */
    AUTO,
    /** The kubeconfig file named by {@code kubernetes.kubeconfig}. */
    KUBECONFIG,
    /** The service account of the pod the suite runs in. */
    IN_CLUSTER,
    /** The suite's embedded cluster: started by {@code aidevops start} itself, for trying things out. */
    EMBEDDED
}
