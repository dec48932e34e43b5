package io.aidevops.controller.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;

import io.aidevops.controller.SuiteVersion;
import picocli.CommandLine.Command;

/** {@code aidevops version}. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the suite's version and the versions it runs with.")
final class VersionCommand extends Subcommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    FormatOption format;

    @Override
    public Integer call() {
        var v = SuiteVersion.current();
        var out = context().out();
        if (format.json()) {
            var data = new LinkedHashMap<String, String>();
            data.put("version", v.suite());
            data.put("java", SuiteVersion.java());
            data.put("fabric8", v.fabric8());
            data.put("picocli", v.picocli());
            Output.json(out, data);
        } else {
            out.println("aidevops " + v.suite());
            out.println("java     " + SuiteVersion.java());
            out.println("fabric8  " + v.fabric8() + " (Kubernetes client)");
        }
        return ExitCodes.OK;
    }
}
