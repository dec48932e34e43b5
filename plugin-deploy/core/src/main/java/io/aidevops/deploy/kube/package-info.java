/** Helpers for talking to the Kubernetes API: {@link io.aidevops.deploy.kube.KubeRetry}. */
package io.aidevops.deploy.kube;
