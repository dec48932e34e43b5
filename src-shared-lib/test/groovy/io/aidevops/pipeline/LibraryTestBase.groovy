package io.aidevops.pipeline

import com.lesfurets.jenkins.unit.BasePipelineTest
import com.lesfurets.jenkins.unit.global.lib.SourceRetriever
import org.junit.jupiter.api.BeforeEach

import static com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration.library

/**
 * Runs the library's steps under JenkinsPipelineUnit with the Pipeline steps they call mocked: a workspace held in
 * a map, an {@code sh} that "runs" the CLI by writing a chosen output to the redirected file and returning a
 * chosen exit code, and records of every credential binding, archive, unstable and error.
 */
abstract class LibraryTestBase extends BasePipelineTest {

    /** The library's root folder: this module's folder, where surefire runs. */
    static final File LIBRARY_ROOT = new File('.').canonicalFile

    /** Files in the mocked workspace, by name. */
    Map<String, String> workspace = [:]
    /** Every {@code sh} call's arguments, in order. */
    List<Map> shCalls = []
    /** For each {@code sh} call: whether it ran inside {@code withCredentials}. */
    List<Boolean> shInsideCredentials = []
    /** The binding lists given to {@code withCredentials}. */
    List<List> credentialBindings = []
    List<Map> archived = []
    List<String> unstableMessages = []
    List<String> echoes = []
    List<Map> writes = []

    /** What the next {@code sh} calls do, in order; the last one repeats. Each gets the sh arguments. */
    List<Closure> cli = []

    /** How many withCredentials blocks are open. */
    int credentialDepth = 0

    @BeforeEach
    void setUpLibrary() {
        scriptRoots = ['test/resources/jenkinsfiles', '.'] as String[]
        super.setUp()
        def root = LIBRARY_ROOT
        helper.registerSharedLibrary(library().name('aidevops')
                .defaultVersion('main')
                .allowOverride(true)
                .implicit(false)
                .targetPath('unused')
                .retriever({ String repository, String branch, String targetPath -> [root.toURI().toURL()] }
                        as SourceRetriever)
                .build())
        binding.setVariable('env', [VERSION: '1.5.0'])

        helper.registerAllowedMethod('sh', [Map], { Map args ->
            shCalls << args
            shInsideCredentials << (credentialDepth > 0)
            Closure behaviour = cli.isEmpty() ? exits(0) : cli.size() > 1 ? cli.remove(0) : cli[0]
            return behaviour.call(args)
        })
        helper.registerAllowedMethod('fileExists', [String], { String name -> workspace.containsKey(name) })
        helper.registerAllowedMethod('readFile', [Map], { Map args ->
            if (!workspace.containsKey(args.file)) {
                throw new FileNotFoundException(args.file as String)
            }
            return workspace[args.file]
        })
        helper.registerAllowedMethod('writeFile', [Map], { Map args ->
            writes << args
            workspace[args.file as String] = args.text as String
        })
        helper.registerAllowedMethod('archiveArtifacts', [Map], { Map args -> archived << args })
        helper.registerAllowedMethod('file', [Map], { Map args -> [binding: 'file'] + args })
        helper.registerAllowedMethod('withCredentials', [List, Closure], { List bindings, Closure body ->
            credentialBindings << bindings
            credentialDepth++
            try {
                return body.call()
            } finally {
                credentialDepth--
            }
        })
        helper.registerAllowedMethod('unstable', [String], { String message ->
            unstableMessages << message
            updateBuildStatus('UNSTABLE')
        })
        helper.registerAllowedMethod('error', [String], { String message ->
            updateBuildStatus('FAILURE')
            throw new PipelineError(message)
        })
        helper.registerAllowedMethod('echo', [String], { String message -> echoes << message })
    }

    /** An {@code sh} that prints {@code fixture} (a file in test/resources/cli-output, or null) and exits. */
    Closure exits(int code, String fixture = null) {
        return { Map args ->
            String target = redirectTarget(args.script as String)
            if (target != null) {
                workspace[target] = fixture == null ? '' : cliOutput(fixture)
            }
            return code
        }
    }

    /** The CLI's JSON output of one of the fixtures (promoted, rolled-back, aborted, failed). */
    static String cliOutput(String fixture) {
        return LibraryTestBase.getResource('/cli-output/' + fixture + '.json').getText('UTF-8')
    }

    /** The file standard output is redirected to ({@code ... > 'file'}), unquoted. */
    static String redirectTarget(String script) {
        def match = script =~ / > ('(?:[^']|'"'"')*'|\S+)$/
        if (!match.find()) {
            return null
        }
        String word = match.group(1)
        return word.startsWith("'") ? word[1..-2].replace("'\"'\"'", "'") : word
    }

    /** Runs the global step {@code name} (vars/name.groovy) with {@code args}. */
    Object step(String name, Map args) {
        def script = loadScript('vars/' + name + '.groovy')
        return script.call(args)
    }
}
