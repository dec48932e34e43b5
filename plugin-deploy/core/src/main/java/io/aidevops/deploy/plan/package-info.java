/**
 * Rollout plans: the steps of a canary rollout ({@link io.aidevops.deploy.plan.SetWeight},
 * {@link io.aidevops.deploy.plan.Pause}, {@link io.aidevops.deploy.plan.Analysis}) and their reader for YAML and JSON
 * plan files in the shape of Argo Rollouts' steps.
 */
package io.aidevops.deploy.plan;
