package io.aidevops.pipeline

/**
 * The bodies of the library's global steps ({@code vars/aiCanary*.groovy}): run the {@code aidevops} CLI on the
 * agent with {@code sh}, bind credentials around it, archive the evidence and turn the exit code into a result,
 * an unstable build or an error.
 *
 * Calls Pipeline steps through {@code steps} (the calling script), so this class runs CPS-transformed in Jenkins;
 * every decision is delegated to {@link CanaryCli}'s plain functions. It needs a workspace: call it inside
 * {@code node { }} on an agent with the CLI and a POSIX shell.
 */
class CanarySteps implements Serializable {

    private static final long serialVersionUID = 1L

    private final def steps

    /** @param steps the Pipeline script the steps are called on ({@code this} in a {@code vars/} script) */
    CanarySteps(steps) {
        this.steps = steps
    }

    /** {@code aiCanaryDeploy}: starts the canary and follows it to its end. */
    Map deploy(Map args) {
        Map options = parsed { CanaryCli.deployOptions(args) }
        String planFile = options.plan
        if (CanaryCli.inlinePlan((String) options.plan)) {
            planFile = CanaryCli.inlinePlanFile(options)
            steps.writeFile(file: planFile, text: options.plan, encoding: 'UTF-8')
        }
        int exitCode
        try {
            exitCode = run('aiCanaryDeploy', options, CanaryCli.deployScript(options, planFile))
        } catch (Throwable e) {
            if (options.abortOnInterrupt && CanaryCli.isBuildAbort(e)) {
                abortAfterInterruption(options)
            }
            throw e
        }
        if (options.archive) {
            steps.archiveArtifacts(artifacts: options.report + ',' + options.resultFile, allowEmptyArchive: true)
        }
        Map result = read(options, exitCode)
        result.report = options.report
        return conclude('aiCanaryDeploy', options, exitCode, result)
    }

    /** {@code aiCanaryStatus}: the rollout's state, without changing it. */
    Map status(Map args) {
        Map options = parsed { CanaryCli.targetOptions('aiCanaryStatus', args) }
        int exitCode = run('aiCanaryStatus', options, CanaryCli.targetScript('status', options))
        return conclude('aiCanaryStatus', options, exitCode, read(options, exitCode))
    }

    /** {@code aiCanaryAbort}: rolls the canary back now and waits until all traffic is on the stable version. */
    Map abort(Map args) {
        Map options = parsed { CanaryCli.targetOptions('aiCanaryAbort', args) }
        int exitCode = run('aiCanaryAbort', options, CanaryCli.targetScript('abort', options))
        return conclude('aiCanaryAbort', options, exitCode, read(options, exitCode))
    }

    private Map parsed(Closure<Map> parse) {
        try {
            return parse.call()
        } catch (IllegalArgumentException e) {
            steps.error(e.message)
            return null
        }
    }

    /** Runs {@code script} with the configured file credentials bound; its exit code. */
    private int run(String step, Map options, String script) {
        String label = step + ' ' + options.namespace + '/' + options.deployment
        List<Map<String, String>> credentials = CanaryCli.fileCredentials(options)
        if (credentials.isEmpty()) {
            return steps.sh(script: script, returnStatus: true, label: label) as int
        }
        List bindings = []
        for (Map<String, String> credential : credentials) {
            bindings.add(steps.file(credentialsId: credential.credentialsId, variable: credential.variable))
        }
        return steps.withCredentials(bindings) {
            steps.sh(script: script, returnStatus: true, label: label)
        } as int
    }

    private Map read(Map options, int exitCode) {
        String json = steps.fileExists((String) options.resultFile)
                ? steps.readFile(file: options.resultFile, encoding: 'UTF-8') : null
        return CanaryCli.result(json, exitCode)
    }

    private Map conclude(String step, Map options, int exitCode, Map result) {
        Map decision = CanaryCli.decide(step, options, exitCode, result)
        if (decision.action == 'error') {
            steps.error(decision.message)
        } else if (decision.action == 'unstable') {
            steps.unstable(decision.message)
        } else {
            steps.echo(decision.message)
        }
        return result
    }

    /** The build was aborted while the canary ran: roll it back (best effort), like the plugin step does. */
    private void abortAfterInterruption(Map options) {
        steps.echo('aiCanaryDeploy: the build was aborted; rolling back the canary of ' + options.namespace + '/'
                + options.deployment)
        Map abortOptions = new LinkedHashMap(options)
        abortOptions.resultFile = 'canary-abort.json'
        try {
            int exitCode = run('aiCanaryAbort', abortOptions, CanaryCli.targetScript('abort', abortOptions))
            if (exitCode != CanaryCli.OK && exitCode != CanaryCli.DECLINED) {
                steps.echo('aiCanaryDeploy: the rollback request failed (aidevops exit ' + exitCode + "); run "
                        + "'aidevops canary abort -n " + options.namespace + ' -d ' + options.deployment + "'")
            }
        } catch (Throwable e) {
            steps.echo('aiCanaryDeploy: could not request the rollback: ' + e)
        }
    }
}
