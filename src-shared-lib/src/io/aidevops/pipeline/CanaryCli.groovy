package io.aidevops.pipeline

import com.cloudbees.groovy.cps.NonCPS

/**
 * The {@code aidevops canary ...} command lines the library's steps run, and what their exit codes mean.
 *
 * Pure functions over maps and strings: no Pipeline step is called here (the {@code vars/} scripts do that), so
 * everything is {@code @NonCPS} and testable without Jenkins. The CLI's contract (docs/cli.md): exit 0 promoted,
 * 1 rolled back or aborted, 2 usage or configuration error, 3 infrastructure error; with {@code --format json} the
 * rollout state is the only thing on standard output and progress lines go to standard error.
 */
class CanaryCli implements Serializable {

    private static final long serialVersionUID = 1L

    /** Environment variable the kubeconfig file credential is bound to. */
    static final String KUBECONFIG_VARIABLE = 'KUBECONFIG'
    /** Environment variable the Prometheus token file credential is bound to. */
    static final String PROMETHEUS_TOKEN_VARIABLE = 'AIDEVOPS_PROMETHEUS_TOKEN_FILE'

    static final int OK = 0
    static final int DECLINED = 1
    static final int USAGE = 2
    static final int INFRASTRUCTURE = 3
    static final int INTERRUPTED = 130
    /** What a POSIX shell returns when it cannot find the command. */
    static final int NOT_FOUND = 127

    /** Options every step takes: which Deployment, which cluster, where the CLI is. */
    private static final List<String> TARGET_KEYS = ['namespace', 'deployment', 'aidevops', 'kubeconfig',
            'kubeconfigCredentialsId', 'prometheus', 'prometheusTokenCredentialsId', 'tick', 'resultFile']

    /** Options of aiCanaryDeploy on top of {@link #TARGET_KEYS}. */
    private static final List<String> DEPLOY_KEYS = ['image', 'plan', 'container', 'service', 'thresholds',
            'progressDeadline', 'report', 'failOnRollback', 'archive', 'abortOnInterrupt']

    private CanaryCli() {
    }

    /**
     * The options of {@code aiCanaryDeploy} with defaults filled in.
     *
     * @throws IllegalArgumentException for a missing required option, an unknown option (a typo would otherwise
     *         be ignored silently) or a value of the wrong type
     */
    @NonCPS
    static Map<String, Object> deployOptions(Map args) {
        Map<String, Object> options = common('aiCanaryDeploy', args, TARGET_KEYS + DEPLOY_KEYS)
        options.image = required('aiCanaryDeploy', args, 'image')
        options.report = text(args, 'report', 'canary-report.html')
        options.resultFile = text(args, 'resultFile', 'canary-result.json')
        options.failOnRollback = flag(args, 'failOnRollback', true)
        options.archive = flag(args, 'archive', true)
        options.abortOnInterrupt = flag(args, 'abortOnInterrupt', true)
        for (String key : ['plan', 'container', 'service', 'progressDeadline']) {
            options[key] = text(args, key, null)
        }
        options.thresholds = thresholds(args.thresholds)
        return options
    }

    /** The options of {@code aiCanaryStatus} or {@code aiCanaryAbort} ({@code step} names it in messages). */
    @NonCPS
    static Map<String, Object> targetOptions(String step, Map args) {
        Map<String, Object> options = common(step, args, TARGET_KEYS)
        options.resultFile = text(args, 'resultFile', 'canary-' + (step == 'aiCanaryAbort' ? 'abort' : 'status')
                + '.json')
        return options
    }

    /**
     * Whether {@code plan} is the plan itself rather than a file name: plans are YAML or JSON documents over
     * several lines, file names are one line.
     */
    @NonCPS
    static boolean inlinePlan(String plan) {
        return plan != null && (plan.contains('\n') || plan.trim().startsWith('{'))
    }

    /** Where an inline plan is written in the workspace before the CLI reads it. */
    @NonCPS
    static String inlinePlanFile(Map options) {
        // A digest, not the names themselves: names are checked by the CLI only later, and must not steer the path.
        String key = options.namespace + '/' + options.deployment
        String digest = java.security.MessageDigest.getInstance('SHA-256').digest(key.getBytes('UTF-8'))
                .encodeHex().toString().substring(0, 16)
        return '.aidevops-plan-' + digest + '.yaml'
    }

    /**
     * The shell line of {@code aidevops canary deploy}; {@code planFile} is the plan's path in the workspace
     * (or null for the CLI's default plan). Credentials are referenced as shell variables, never as text.
     */
    @NonCPS
    static String deployScript(Map options, String planFile) {
        List<Object> words = [options.aidevops, 'canary', 'deploy', '-n', options.namespace, '-d', options.deployment,
                '--image', options.image]
        if (planFile != null) {
            words += ['--plan', planFile]
        }
        if (options.container != null) {
            words += ['--container', options.container]
        }
        if (options.service != null) {
            words += ['--service', options.service]
        }
        if (options.thresholds != null) {
            words += ['--thresholds', options.thresholds]
        }
        if (options.progressDeadline != null) {
            words += ['--progress-deadline', options.progressDeadline]
        }
        words += connection(options)
        words += ['--format', 'json', '--report', options.report]
        return ShellWords.join(words) + ' > ' + ShellWords.quote(options.resultFile)
    }

    /** The shell line of {@code aidevops canary <command>} for status or abort, JSON to the result file. */
    @NonCPS
    static String targetScript(String command, Map options) {
        List<Object> words = [options.aidevops, 'canary', command, '-n', options.namespace, '-d', options.deployment]
        words += connection(options)
        words += ['--format', 'json']
        return ShellWords.join(words) + ' > ' + ShellWords.quote(options.resultFile)
    }

    /**
     * The credentials to bind around the command, as {@code [credentialsId: ..., variable: ...]} maps for the
     * {@code file(...)} binding of {@code withCredentials}; empty when none is configured.
     */
    @NonCPS
    static List<Map<String, String>> fileCredentials(Map options) {
        List<Map<String, String>> bindings = []
        if (options.kubeconfigCredentialsId != null) {
            bindings << [credentialsId: (String) options.kubeconfigCredentialsId, variable: KUBECONFIG_VARIABLE]
        }
        if (options.prometheusTokenCredentialsId != null) {
            bindings << [credentialsId: (String) options.prometheusTokenCredentialsId,
                    variable: PROMETHEUS_TOKEN_VARIABLE]
        }
        return bindings
    }

    /**
     * The result a step returns, from the CLI's JSON output (the stored rollout state): phase, outcome, the number
     * of analysis looks and the last look's verdict. Plain maps, lists, strings and numbers only, so the result
     * can be kept in Pipeline variables across a controller restart.
     *
     * @param json the CLI's standard output; empty or null when it printed nothing (an error before any state)
     */
    @NonCPS
    static Map<String, Object> result(String json, int exitCode) {
        Map<String, Object> result = [phase: 'UNKNOWN', outcome: '', message: '', looks: 0, lastVerdict: null,
                lastScore: null, image: null, previousImage: null, warnings: [], exitCode: exitCode]
        if (json == null || json.trim().isEmpty()) {
            return result
        }
        Object parsed
        try {
            // JsonSlurperClassic builds HashMaps and ArrayLists, which (unlike JsonSlurper's lazy maps) serialize.
            parsed = new groovy.json.JsonSlurperClassic().parseText(json)
        } catch (Exception e) {
            throw new IllegalStateException('the aidevops output is not JSON: ' + e.message, e)
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalStateException('the aidevops output is not a rollout state: ' + json.take(200))
        }
        Map state = (Map) parsed
        result.phase = state.phase ?: 'UNKNOWN'
        result.outcome = state.outcome ?: ''
        result.message = state.message ?: ''
        List looks = state.looks instanceof List ? (List) state.looks : []
        result.looks = state.looksDone instanceof Number ? ((Number) state.looksDone).intValue() : looks.size()
        if (!looks.isEmpty() && looks[-1] instanceof Map) {
            Map last = (Map) looks[-1]
            result.lastVerdict = last.verdict
            result.lastScore = last.score
        }
        if (state.spec instanceof Map) {
            result.image = ((Map) state.spec).image
        }
        result.previousImage = state.previousImage
        result.warnings = state.warnings instanceof List ? new ArrayList(state.warnings) : []
        return result
    }

    /**
     * What {@code step} should do after the CLI exited with {@code exitCode}: {@code [action: 'return'|'unstable'|
     * 'error', message: ...]}.
     */
    @NonCPS
    static Map<String, String> decide(String step, Map options, int exitCode, Map result) {
        String rollout = options.namespace + '/' + options.deployment
        String outcome = result.outcome ? ': ' + result.outcome : ''
        switch (exitCode) {
            case OK:
                return [action: 'return', message: step + ': ' + rollout + ' ' + result.phase + outcome]
            case DECLINED:
                String message = step + ': canary of ' + rollout + ' ' + result.phase + outcome
                if (step != 'aiCanaryDeploy') {
                    // status of a rolled-back rollout, or the end of an abort: an answer, not a failure
                    return [action: 'return', message: message]
                }
                return [action: options.failOnRollback ? 'error' : 'unstable', message: message]
            case USAGE:
                return [action: 'error', message: step + ': usage or configuration error (aidevops exit 2) for '
                        + rollout + '; the aidevops message above says what to fix']
            case INFRASTRUCTURE:
                return [action: 'error', message: step + ': infrastructure error (aidevops exit 3) for ' + rollout
                        + (result.phase == 'FAILED' ? ', rollout FAILED' + outcome
                        : '; the cluster, Prometheus or a file could not be reached (see the message above)')]
            case NOT_FOUND:
                return [action: 'error', message: step + ": the aidevops CLI was not found ('" + options.aidevops
                        + "', exit 127); install it on the agent or pass aidevops: '/path/to/aidevops'"]
            case INTERRUPTED:
                return [action: 'error', message: step + ': aidevops was stopped (exit 130); the rollout of '
                        + rollout + " stays where it is: continue it with 'aidevops canary resume'"]
            default:
                return [action: 'error', message: step + ': aidevops failed with exit code ' + exitCode + ' for '
                        + rollout]
        }
    }

    /** Whether {@code error} is the interruption of an aborted build (workflow-step-api's FlowInterruptedException). */
    @NonCPS
    static boolean isBuildAbort(Throwable error) {
        for (Class<?> type = error?.getClass(); type != null; type = type.superclass) {
            if (type.simpleName == 'FlowInterruptedException') {
                return true
            }
        }
        return false
    }

    @NonCPS
    private static List<Object> connection(Map options) {
        List<Object> words = []
        if (options.kubeconfigCredentialsId != null) {
            words += ['--kubeconfig', ShellWords.raw(ShellWords.variable(KUBECONFIG_VARIABLE))]
        } else if (options.kubeconfig != null) {
            words += ['--kubeconfig', options.kubeconfig]
        }
        if (options.prometheus != null) {
            words += ['--prometheus', options.prometheus]
        }
        if (options.prometheusTokenCredentialsId != null) {
            words += ['--prometheus-token-file', ShellWords.raw(ShellWords.variable(PROMETHEUS_TOKEN_VARIABLE))]
        }
        if (options.tick != null) {
            words += ['--tick', options.tick]
        }
        return words
    }

    @NonCPS
    private static Map<String, Object> common(String step, Map args, List<String> allowed) {
        if (args == null) {
            throw new IllegalArgumentException(step + ': give the options as a map, e.g. ' + step
                    + "(namespace: 'shop', deployment: 'web')")
        }
        List<String> unknown = []
        for (Object key : args.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                unknown << String.valueOf(key)
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(step + ': unknown option(s) ' + unknown.join(', ') + '; known: '
                    + allowed.join(', '))
        }
        Map<String, Object> options = [:]
        options.namespace = required(step, args, 'namespace')
        options.deployment = required(step, args, 'deployment')
        options.aidevops = text(args, 'aidevops', 'aidevops')
        for (String key : ['kubeconfig', 'kubeconfigCredentialsId', 'prometheus', 'prometheusTokenCredentialsId',
                'tick']) {
            options[key] = text(args, key, null)
        }
        if (options.kubeconfig != null && options.kubeconfigCredentialsId != null) {
            throw new IllegalArgumentException(step + ': give kubeconfig or kubeconfigCredentialsId, not both')
        }
        return options
    }

    @NonCPS
    private static String required(String step, Map args, String key) {
        String value = text(args, key, null)
        if (value == null) {
            throw new IllegalArgumentException(step + ': the option ' + key + ' is required')
        }
        return value
    }

    /** A string option: GStrings become Strings, blank counts as not given. */
    @NonCPS
    private static String text(Map args, String key, String fallback) {
        Object value = args[key]
        if (value == null || value.toString().trim().isEmpty()) {
            return fallback
        }
        if (!(value instanceof CharSequence || value instanceof Number)) {
            throw new IllegalArgumentException('the option ' + key + ' must be a string, but is ' + value.getClass()
                    .simpleName)
        }
        return value.toString()
    }

    @NonCPS
    private static boolean flag(Map args, String key, boolean fallback) {
        Object value = args[key]
        if (value == null) {
            return fallback
        }
        if (value instanceof Boolean) {
            return (Boolean) value
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT)
        if (text == 'true' || text == 'false') {
            return text == 'true'
        }
        throw new IllegalArgumentException('the option ' + key + " must be true or false, but is '" + value + "'")
    }

    /** {@code '95,75'}, {@code [95, 75]} or {@code [pass: 95, marginal: 75]}, as the CLI's PASS,MARGINAL text. */
    @NonCPS
    private static String thresholds(Object value) {
        if (value == null || value.toString().trim().isEmpty()) {
            return null
        }
        if (value instanceof Map) {
            Map map = (Map) value
            if (map.pass == null || map.marginal == null) {
                throw new IllegalArgumentException('thresholds: give both pass and marginal, e.g. [pass: 95, '
                        + 'marginal: 75]')
            }
            return number(map.pass) + ',' + number(map.marginal)
        }
        if (value instanceof List) {
            List list = (List) value
            if (list.size() != 2) {
                throw new IllegalArgumentException('thresholds: give two numbers, PASS and MARGINAL, e.g. [95, 75]')
            }
            return number(list[0]) + ',' + number(list[1])
        }
        return value.toString().trim()
    }

    @NonCPS
    private static String number(Object value) {
        if (value instanceof Number) {
            return value.toString()
        }
        throw new IllegalArgumentException("thresholds: '" + value + "' is not a number")
    }
}
