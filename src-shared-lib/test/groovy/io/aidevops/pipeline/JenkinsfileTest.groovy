package io.aidevops.pipeline

import org.junit.jupiter.api.Test

import static org.assertj.core.api.Assertions.assertThat

/** A Jenkinsfile that loads the library by name, as Jenkins does: vars/ become global steps. */
class JenkinsfileTest extends LibraryTestBase {

    @Test
    void aJenkinsfileCallsTheGlobalStepOfTheLibrary() {
        cli = [exits(0, 'promoted')]

        runScript('deploy.jenkins')

        assertThat(shCalls).hasSize(1)
        assertThat(shCalls[0].script).isEqualTo('aidevops canary deploy -n shop -d web --image '
                + 'registry.example.com/shop/web:1.5.0 --plan canary.yaml --kubeconfig "$KUBECONFIG" --format json '
                + '--report canary-report.html > canary-result.json')
        assertThat(credentialBindings*.collect { it.credentialsId }).containsExactly(['prod-kubeconfig'])
        assertThat(echoes).contains('canary PROMOTED after 1 look(s)')
        assertThat(helper.callStack*.methodName).contains('aiCanaryDeploy', 'sh', 'archiveArtifacts')
        assertJobStatusSuccess()
    }
}
