/**
 * Traffic routers: how a canary gets its share of traffic, by pod counts behind one Service
 * ({@link io.aidevops.deploy.traffic.ReplicaTrafficRouter}) or by an L7 weight in Istio, the Gateway API or
 * ingress-nginx. Custom resources are handled as fabric8 generic resources, so no mesh model jar is needed.
 */
package io.aidevops.deploy.traffic;
