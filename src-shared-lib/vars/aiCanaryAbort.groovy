import io.aidevops.pipeline.CanarySteps

/** Rolls a running canary back now with the aidevops CLI and waits until all traffic is on the stable version. */
def call(Map args = [:]) {
    return new CanarySteps(this).abort(args)
}
