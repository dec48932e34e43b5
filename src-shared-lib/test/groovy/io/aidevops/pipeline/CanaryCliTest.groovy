package io.aidevops.pipeline

import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

import static org.assertj.core.api.Assertions.assertThat
import static org.assertj.core.api.Assertions.assertThatThrownBy

class CanaryCliTest {

    @Test
    void defaultsOfDeploy() {
        Map options = CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: 'web:2'])

        assertThat(options).containsEntry('aidevops', 'aidevops').containsEntry('report', 'canary-report.html')
                .containsEntry('resultFile', 'canary-result.json').containsEntry('failOnRollback', true)
                .containsEntry('archive', true).containsEntry('abortOnInterrupt', true)
                .containsEntry('plan', null).containsEntry('thresholds', null)
        assertThat(CanaryCli.deployScript(options, null)).isEqualTo('aidevops canary deploy -n shop -d web --image '
                + 'web:2 --format json --report canary-report.html > canary-result.json')
    }

    @Test
    void gStringsAreTakenAsText() {
        String version = '7'
        Map options = CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: "web:${version}"])

        assertThat(options.image).isEqualTo('web:7').isInstanceOf(String)
    }

    @Test
    void wrongTypesAreRefused() {
        assertThatThrownBy { CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: ['x']]) }
                .hasMessage('the option image must be a string, but is ArrayList')
        assertThatThrownBy { CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: 'x',
                failOnRollback: 'no']) }
                .hasMessage("the option failOnRollback must be true or false, but is 'no'")
        assertThatThrownBy { CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: 'x',
                thresholds: [95]]) }
                .hasMessageStartingWith('thresholds: give two numbers')
    }

    @Test
    void inlinePlansAreMultiLineOrJson() {
        assertThat(CanaryCli.inlinePlan('canary.yaml')).isFalse()
        assertThat(CanaryCli.inlinePlan('plans/canary plan.yaml')).isFalse()
        assertThat(CanaryCli.inlinePlan('steps:\n- setWeight: 10')).isTrue()
        assertThat(CanaryCli.inlinePlan('{"steps": [{"setWeight": 10}]}')).isTrue()
        assertThat(CanaryCli.inlinePlan(null)).isFalse()
    }

    @Test
    void resultOfEachFinalPhase() {
        Map promoted = CanaryCli.result(LibraryTestBase.cliOutput('promoted'), 0)
        Map aborted = CanaryCli.result(LibraryTestBase.cliOutput('aborted'), 1)

        assertThat(promoted.phase).isEqualTo('PROMOTED')
        assertThat(promoted.looks).isEqualTo(1)
        assertThat(promoted.warnings).isEqualTo([])
        assertThat(promoted.message).isEqualTo(promoted.outcome)
        assertThat(aborted.phase).isEqualTo('ABORTED')
        assertThat(aborted.exitCode).isEqualTo(1)
        // plain, serializable JDK collections: safe in Pipeline variables across a restart
        assertThat(promoted).isInstanceOf(LinkedHashMap)
        assertThat(promoted.warnings).isInstanceOf(ArrayList)
    }

    @Test
    void resultWithoutOutputIsUnknown() {
        assertThat(CanaryCli.result('', 3)).containsEntry('phase', 'UNKNOWN').containsEntry('looks', 0)
                .containsEntry('exitCode', 3)
        assertThat(CanaryCli.result(null, 2).phase).isEqualTo('UNKNOWN')
        assertThatThrownBy { CanaryCli.result('stopped; the rollout stays', 130) }
                .isInstanceOf(IllegalStateException).hasMessageStartingWith('the aidevops output is not JSON')
        assertThatThrownBy { CanaryCli.result('[1, 2]', 0) }
                .isInstanceOf(IllegalStateException).hasMessageStartingWith('the aidevops output is not a rollout')
    }

    @Test
    void exitCodeMapping() {
        Map options = CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: 'web:2'])
        Map rolledBack = [phase: 'ROLLED_BACK', outcome: 'latency is HIGH']

        assertThat(CanaryCli.decide('aiCanaryDeploy', options, 0, [phase: 'PROMOTED', outcome: 'ok']).action)
                .isEqualTo('return')
        assertThat(CanaryCli.decide('aiCanaryDeploy', options, 1, rolledBack)).isEqualTo([action: 'error',
                message: 'aiCanaryDeploy: canary of shop/web ROLLED_BACK: latency is HIGH'])
        options.failOnRollback = false
        assertThat(CanaryCli.decide('aiCanaryDeploy', options, 1, rolledBack).action).isEqualTo('unstable')
        assertThat(CanaryCli.decide('aiCanaryStatus', options, 1, rolledBack).action).isEqualTo('return')
        for (int code : [2, 3, 127, 130, 4, 137]) {
            assertThat(CanaryCli.decide('aiCanaryDeploy', options, code, [phase: 'UNKNOWN', outcome: '']).action)
                    .as('exit ' + code).isEqualTo('error')
        }
        assertThat(CanaryCli.decide('aiCanaryDeploy', options, 130, [:]).message).contains('aidevops canary resume')
        assertThat(CanaryCli.decide('aiCanaryDeploy', options, 4, [:]).message).isEqualTo('aiCanaryDeploy: aidevops '
                + 'failed with exit code 4 for shop/web')
    }

    @Test
    void buildAbortsAreRecognisedByTheirExceptionType() {
        assertThat(CanaryCli.isBuildAbort(new FlowInterruptedException())).isTrue()
        assertThat(CanaryCli.isBuildAbort(new FlowInterruptedException() { })).isTrue()
        assertThat(CanaryCli.isBuildAbort(new InterruptedException())).isFalse()
        assertThat(CanaryCli.isBuildAbort(null)).isFalse()
    }

    /**
     * The built line run by a real shell against a stand-in CLI that prints its arguments: the CLI gets exactly the
     * options given, the credential path comes from the environment, and standard output lands in the result file.
     */
    @Test
    void theDeployLineWorksInARealShell(@TempDir Path dir) {
        Path fake = dir.resolve('fake aidevops')
        Files.write(fake, '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\necho progress >&2\nexit 1\n'
                .getBytes('UTF-8'))
        fake.toFile().setExecutable(true)
        Map options = CanaryCli.deployOptions([namespace: 'shop', deployment: 'web', image: 'web:2',
                aidevops: fake.toString(), kubeconfigCredentialsId: 'k', service: "it's web",
                resultFile: 'the result.json'])

        ProcessBuilder builder = new ProcessBuilder('sh', '-c', CanaryCli.deployScript(options, 'my plan.yaml'))
                .directory(dir.toFile()).redirectErrorStream(false)
        builder.environment().put('KUBECONFIG', '/run/secrets dir/kubeconfig')
        Process process = builder.start()
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue()

        assertThat(process.exitValue()).isEqualTo(1)
        assertThat(process.errorStream.text).isEqualTo('progress\n')
        assertThat(dir.resolve('the result.json').text.readLines()).containsExactly('canary', 'deploy', '-n', 'shop',
                '-d', 'web', '--image', 'web:2', '--plan', 'my plan.yaml', '--service', "it's web", '--kubeconfig',
                '/run/secrets dir/kubeconfig', '--format', 'json', '--report', 'canary-report.html')
    }
}
