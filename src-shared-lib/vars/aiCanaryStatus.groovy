import io.aidevops.pipeline.CanarySteps

/** The state of a canary rollout (phase, outcome, looks, ...), read from the cluster with the aidevops CLI. */
def call(Map args = [:]) {
    return new CanarySteps(this).status(args)
}
