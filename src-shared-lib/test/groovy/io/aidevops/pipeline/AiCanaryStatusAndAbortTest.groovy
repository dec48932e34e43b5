package io.aidevops.pipeline

import org.junit.jupiter.api.Test

import static org.assertj.core.api.Assertions.assertThat
import static org.assertj.core.api.Assertions.assertThatThrownBy

class AiCanaryStatusAndAbortTest extends LibraryTestBase {

    @Test
    void statusReadsTheStateWithoutChangingIt() {
        cli = [exits(0, 'promoted')]

        Map state = step('aiCanaryStatus', [namespace: 'shop', deployment: 'web', kubeconfig: 'kube config'])

        assertThat(shCalls[0].script).isEqualTo("aidevops canary status -n shop -d web --kubeconfig 'kube config' "
                + '--format json > canary-status.json')
        assertThat(state.phase).isEqualTo('PROMOTED')
        assertThat(archived).isEmpty()
        assertJobStatusSuccess()
    }

    @Test
    void statusOfARolledBackRolloutIsAnAnswerNotAFailure() {
        cli = [exits(1, 'rolled-back')]

        Map state = step('aiCanaryStatus', [namespace: 'shop', deployment: 'web'])

        assertThat(state.phase).isEqualTo('ROLLED_BACK')
        assertThat(state.exitCode).isEqualTo(1)
        assertThat(unstableMessages).isEmpty()
        assertJobStatusSuccess()
    }

    @Test
    void statusWithoutARolloutIsAUsageError() {
        cli = [exits(2)]

        assertThatThrownBy { step('aiCanaryStatus', [namespace: 'shop', deployment: 'web']) }
                .isInstanceOf(PipelineError)
                .hasMessageStartingWith('aiCanaryStatus: usage or configuration error (aidevops exit 2)')
    }

    @Test
    void abortRollsBackAndReturnsTheAbortedState() {
        cli = [exits(1, 'aborted')]

        Map state = step('aiCanaryAbort', [namespace: 'shop', deployment: 'web',
                kubeconfigCredentialsId: 'prod-kubeconfig', aidevops: './aidevops'])

        assertThat(shCalls[0].script).isEqualTo('./aidevops canary abort -n shop -d web --kubeconfig "$KUBECONFIG" '
                + '--format json > canary-abort.json')
        assertThat(shInsideCredentials).containsExactly(true)
        assertThat(state.phase).isEqualTo('ABORTED')
        assertThat(state.outcome as String).startsWith('aborted by a user')
        assertJobStatusSuccess()
    }

    @Test
    void statusAndAbortRefuseDeployOptions() {
        assertThatThrownBy { step('aiCanaryAbort', [namespace: 'shop', deployment: 'web', image: 'x:1']) }
                .isInstanceOf(PipelineError)
                .hasMessageStartingWith('aiCanaryAbort: unknown option(s) image')
        assertThat(shCalls).isEmpty()
    }
}
