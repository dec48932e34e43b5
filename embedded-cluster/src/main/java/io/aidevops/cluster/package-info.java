/**
 * An embedded Kubernetes cluster that behaves like one, for the demo, {@code aidevops cluster start --embedded} and
 * the tests of every other module.
 *
 * <p>Entry point: {@link io.aidevops.cluster.EmbeddedCluster}. It runs fabric8's mock API server in CRUD mode and
 * completes it with what kubectl needs (discovery, an empty OpenAPI document, tables, scale subresource, strategic
 * merge patches, protobuf bodies of {@code kubectl create}, field selectors, clear refusals of what it cannot do), and
 * a {@link io.aidevops.cluster.ClusterSimulator} that plays the parts a real cluster has and the mock
 * lacks: Deployment and ReplicaSet controllers, scheduler, kubelet, garbage collector and per-pod Prometheus metrics,
 * shaped by {@link io.aidevops.cluster.WorkloadBehaviours}.
 *
 * <p>Everything but the public API is package-private on purpose: the package is the unit other modules depend on.
 */
package io.aidevops.cluster;
