import io.aidevops.pipeline.CanarySteps

/**
 * Canary delivery of a new image with the aidevops CLI: starts the rollout, follows it to its end and returns
 * [phase, outcome, looks, lastVerdict, lastScore, image, previousImage, warnings, exitCode, report].
 * Promoted: returns. Rolled back: fails the build (or marks it unstable with failOnRollback: false).
 * See aiCanaryDeploy.txt and src-shared-lib/README.md for every option.
 */
def call(Map args = [:]) {
    return new CanarySteps(this).deploy(args)
}
