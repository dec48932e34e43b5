package io.aidevops.pipeline

import org.junit.jupiter.api.Test

import static org.assertj.core.api.Assertions.assertThat
import static org.assertj.core.api.Assertions.assertThatThrownBy

class AiCanaryDeployTest extends LibraryTestBase {

    static final String IMAGE = 'registry.example.com/shop/web:1.5.0'

    @Test
    void promotedRunsTheCliAndReturnsTheState() {
        cli = [exits(0, 'promoted')]

        Map result = step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, plan: 'canary.yaml',
                prometheus: 'http://prometheus.monitoring:9090'])

        assertThat(shCalls).hasSize(1)
        assertThat(shCalls[0].script).isEqualTo('aidevops canary deploy -n shop -d web --image ' + IMAGE
                + ' --plan canary.yaml --prometheus http://prometheus.monitoring:9090 --format json'
                + ' --report canary-report.html > canary-result.json')
        assertThat(shCalls[0].returnStatus).isEqualTo(true)
        assertThat(shCalls[0].label).isEqualTo('aiCanaryDeploy shop/web')
        assertThat(result.phase).isEqualTo('PROMOTED')
        assertThat(result.outcome as String).startsWith('promoted ' + IMAGE + ' after 1 look(s)')
        assertThat(result.looks).isEqualTo(1)
        assertThat(result.lastVerdict).isEqualTo('PASS')
        assertThat(result.lastScore as double).isEqualTo(100.0d)
        assertThat(result.image).isEqualTo(IMAGE)
        assertThat(result.previousImage).isEqualTo('registry.example.com/shop/web:1.4.2')
        assertThat(result.exitCode).isEqualTo(0)
        assertThat(result.report).isEqualTo('canary-report.html')
        assertThat(credentialBindings).isEmpty()
        assertThat(unstableMessages).isEmpty()
        assertThat(echoes.findAll { it.contains('shop/web PROMOTED') }).hasSize(1)
        assertJobStatusSuccess()
    }

    @Test
    void archivesTheReportAndTheJsonState() {
        cli = [exits(0, 'promoted')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, report: 'evidence/web.html'])

        assertThat(archived).containsExactly([artifacts: 'evidence/web.html,canary-result.json',
                allowEmptyArchive: true])
        assertThat(shCalls[0].script as String).contains('--report evidence/web.html')
    }

    @Test
    void archiveFalseArchivesNothing() {
        cli = [exits(0, 'promoted')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, archive: false])

        assertThat(archived).isEmpty()
    }

    @Test
    void oddValuesAreQuotedAsSingleShellWords() {
        cli = [exits(0, 'promoted')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                plan: "plans/it's my \$plan.yaml", service: 'web svc', container: 'app;rm -rf /',
                aidevops: '/opt/ai devops/aidevops', thresholds: [95, 75.5], progressDeadline: '15m', tick: '2s',
                kubeconfig: '/home/ci/.kube/config', report: 'report `x`.html', resultFile: 'out.json'])

        assertThat(shCalls[0].script).isEqualTo("'/opt/ai devops/aidevops' canary deploy -n shop -d web --image "
                + IMAGE + " --plan 'plans/it'\"'\"'s my \$plan.yaml' --container 'app;rm -rf /' --service 'web svc'"
                + " --thresholds 95,75.5 --progress-deadline 15m --kubeconfig /home/ci/.kube/config --tick 2s"
                + " --format json --report 'report `x`.html' > out.json")
    }

    @Test
    void kubeconfigAndPrometheusTokenCredentialsAreBoundAsFilesAroundTheCli() {
        cli = [exits(0, 'promoted')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                kubeconfigCredentialsId: 'prod-kubeconfig', prometheus: 'https://prom.example.com',
                prometheusTokenCredentialsId: 'prom-token'])

        assertThat(credentialBindings).hasSize(1)
        assertThat(credentialBindings[0]).containsExactly(
                [binding: 'file', credentialsId: 'prod-kubeconfig', variable: 'KUBECONFIG'],
                [binding: 'file', credentialsId: 'prom-token', variable: 'AIDEVOPS_PROMETHEUS_TOKEN_FILE'])
        assertThat(shInsideCredentials).containsExactly(true)
        // the paths are expanded by the shell from the bound variables, never written into the script by Groovy
        assertThat(shCalls[0].script).isEqualTo('aidevops canary deploy -n shop -d web --image ' + IMAGE
                + ' --kubeconfig "$KUBECONFIG" --prometheus https://prom.example.com'
                + ' --prometheus-token-file "$AIDEVOPS_PROMETHEUS_TOKEN_FILE" --format json'
                + ' --report canary-report.html > canary-result.json')
    }

    @Test
    void rolledBackFailsTheBuildWithTheOutcome() {
        cli = [exits(1, 'rolled-back')]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(PipelineError)
                .hasMessage('aiCanaryDeploy: canary of shop/web ROLLED_BACK: rolling back: latency is HIGH; all '
                        + 'traffic is on web (registry.example.com/shop/web:1.4.2)')
        // the evidence is archived before the build fails
        assertThat(archived).hasSize(1)
        assertThat(unstableMessages).isEmpty()
        assertJobStatusFailure()
    }

    @Test
    void rolledBackWithFailOnRollbackFalseMarksTheBuildUnstableAndReturns() {
        cli = [exits(1, 'rolled-back')]

        Map result = step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                failOnRollback: false])

        assertThat(result.phase).isEqualTo('ROLLED_BACK')
        assertThat(result.lastVerdict).isEqualTo('FAIL')
        assertThat(result.lastScore as double).isEqualTo(12.5d)
        assertThat(result.exitCode).isEqualTo(1)
        assertThat(unstableMessages).containsExactly('aiCanaryDeploy: canary of shop/web ROLLED_BACK: rolling '
                + 'back: latency is HIGH; all traffic is on web (registry.example.com/shop/web:1.4.2)')
        assertJobStatusUnstable()
    }

    @Test
    void failOnRollbackAlsoAcceptsTheStringFalse() {
        cli = [exits(1, 'rolled-back')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, failOnRollback: 'false'])

        assertJobStatusUnstable()
    }

    @Test
    void exitTwoIsAUsageError() {
        cli = [exits(2)]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(PipelineError)
                .hasMessage('aiCanaryDeploy: usage or configuration error (aidevops exit 2) for shop/web; the '
                        + 'aidevops message above says what to fix')
    }

    @Test
    void exitThreeIsAnInfrastructureError() {
        cli = [exits(3)]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(PipelineError)
                .hasMessageStartingWith('aiCanaryDeploy: infrastructure error (aidevops exit 3) for shop/web; the '
                        + 'cluster, Prometheus or a file could not be reached')
    }

    @Test
    void exitThreeOfAFailedRolloutNamesItsOutcome() {
        cli = [exits(3, 'failed')]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(PipelineError)
                .hasMessage('aiCanaryDeploy: infrastructure error (aidevops exit 3) for shop/web, rollout FAILED: '
                        + 'Deployment shop/web was deleted during the rollout')
    }

    @Test
    void aMissingCliSaysHowToInstallIt() {
        cli = [exits(127)]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(PipelineError)
                .hasMessageContaining("the aidevops CLI was not found ('aidevops', exit 127)")
    }

    @Test
    void unknownOptionsAndMissingRequiredOnesFailBeforeAnythingRuns() {
        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                prometheusUrl: 'http://p']) }
                .isInstanceOf(PipelineError)
                .hasMessageStartingWith('aiCanaryDeploy: unknown option(s) prometheusUrl; known: ')
        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web']) }
                .isInstanceOf(PipelineError)
                .hasMessage('aiCanaryDeploy: the option image is required')
        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                kubeconfig: 'a', kubeconfigCredentialsId: 'b']) }
                .isInstanceOf(PipelineError)
                .hasMessage('aiCanaryDeploy: give kubeconfig or kubeconfigCredentialsId, not both')
        assertThat(shCalls).isEmpty()
    }

    @Test
    void anInlinePlanIsWrittenToTheWorkspaceAndPassedAsAFile() {
        cli = [exits(0, 'promoted')]
        String plan = 'steps:\n  - setWeight: 20\n  - analysis: {interval: 1m, looks: 3}\n'

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, plan: plan])

        assertThat(writes).containsExactly([file: '.aidevops-plan-97375646b1deb3d2.yaml', text: plan, encoding: 'UTF-8'])
        assertThat(shCalls[0].script as String).contains(' --plan .aidevops-plan-97375646b1deb3d2.yaml ')
    }

    @Test
    void thresholdsMayBeTextAListOrAMap() {
        cli = [exits(0, 'promoted')]

        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, thresholds: '90,70'])
        step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE, thresholds: [pass: 99,
                marginal: 80]])

        assertThat(shCalls).hasSize(2)
        assertThat(shCalls[0].script as String).contains(' --thresholds 90,70 ')
        assertThat(shCalls[1].script as String).contains(' --thresholds 99,80 ')
    }

    @Test
    void anAbortedBuildRollsTheCanaryBackAndStaysAborted() {
        cli = [{ Map args -> throw new FlowInterruptedException() }, exits(1, 'aborted')]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                kubeconfigCredentialsId: 'prod-kubeconfig']) }
                .isInstanceOf(FlowInterruptedException)

        assertThat(shCalls).hasSize(2)
        assertThat(shCalls[1].script).isEqualTo('aidevops canary abort -n shop -d web --kubeconfig "$KUBECONFIG" '
                + '--format json > canary-abort.json')
        assertThat(shInsideCredentials).containsExactly(true, true)
        assertThat(echoes).contains('aiCanaryDeploy: the build was aborted; rolling back the canary of shop/web')
    }

    @Test
    void abortOnInterruptFalseLeavesTheRolloutAlone() {
        cli = [{ Map args -> throw new FlowInterruptedException() }]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE,
                abortOnInterrupt: false]) }
                .isInstanceOf(FlowInterruptedException)

        assertThat(shCalls).hasSize(1)
    }

    @Test
    void otherFailuresOfShAreNotTakenForAnAbort() {
        cli = [{ Map args -> throw new IOException('agent went away') }]

        assertThatThrownBy { step('aiCanaryDeploy', [namespace: 'shop', deployment: 'web', image: IMAGE]) }
                .isInstanceOf(IOException)

        assertThat(shCalls).hasSize(1)
    }
}
