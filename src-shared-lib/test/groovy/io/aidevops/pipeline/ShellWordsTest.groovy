package io.aidevops.pipeline

import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

import static org.assertj.core.api.Assertions.assertThat
import static org.assertj.core.api.Assertions.assertThatThrownBy

class ShellWordsTest {

    static final List<String> ODD = ["it's", 'a b', '$HOME', '`id`', 'a;b', 'x\ny', '*', '"q"', '\\', 'tab\there',
            '~root', '=ls', '', 'ünïcode', "'", "''", '!$?']

    @Test
    void safeWordsStayAsTheyAre() {
        assertThat(ShellWords.quote('registry.example.com:5000/shop/web:1.5.0')).isEqualTo(
                'registry.example.com:5000/shop/web:1.5.0')
        assertThat(ShellWords.quote('http://p:9090/prom?x')).isEqualTo("'http://p:9090/prom?x'")
        assertThat(ShellWords.quote(95)).isEqualTo('95')
    }

    @Test
    void everythingElseIsSingleQuoted() {
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\"'\"'s'")
        assertThat(ShellWords.quote('a b')).isEqualTo("'a b'")
        // First on a line, X=/p would be an assignment and the next word the command.
        assertThat(ShellWords.quote('X=/p')).isEqualTo("'X=/p'")
        assertThat(ShellWords.quote('$HOME')).isEqualTo("'\$HOME'")
        assertThat(ShellWords.quote('')).isEqualTo("''")
        assertThat(ShellWords.quote(null)).isEqualTo("''")
        assertThat(ShellWords.quote('=ls')).isEqualTo("'=ls'")
    }

    @Test
    void variablesAreDoubleQuotedReferences() {
        assertThat(ShellWords.variable('KUBECONFIG')).isEqualTo('"$KUBECONFIG"')
        assertThatThrownBy { ShellWords.variable('A B') }.isInstanceOf(IllegalArgumentException)
        assertThat(ShellWords.join(['x', ShellWords.raw('"$V"'), 'a b'])).isEqualTo('x "$V" \'a b\'')
    }

    /** The real test of quoting: a POSIX shell splits the joined line back into exactly the words given. */
    @Test
    void aRealShellGetsBackEveryWord(@TempDir Path dir) {
        Path out = dir.resolve('args')
        String line = ShellWords.join(['printf', '%s\\0'] + ODD) + ' > ' + ShellWords.quote(out.toString())

        Process process = new ProcessBuilder('sh', '-c', line).redirectErrorStream(true).start()
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue()
        assertThat(process.exitValue()).as(process.inputStream.text).isEqualTo(0)

        List<String> words = new String(Files.readAllBytes(out), 'UTF-8').split('\u0000', -1).toList()
        assertThat(words.subList(0, words.size() - 1)).isEqualTo(ODD)
    }
}
