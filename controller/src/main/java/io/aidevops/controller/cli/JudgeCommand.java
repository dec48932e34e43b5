package io.aidevops.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidevops.ai.canary.AdaptiveJudge;
import io.aidevops.ai.canary.CanaryJudge;
import io.aidevops.ai.canary.CanaryVerdict;
import io.aidevops.ai.canary.KayentaJudge;
import io.aidevops.ai.canary.MetricResult;
import io.aidevops.ai.canary.Verdict;
import io.aidevops.controller.canary.JudgeInput;
import io.aidevops.controller.canary.VerdictView;
import io.aidevops.controller.service.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aidevops judge}. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = {"Judge canary metrics against their baseline.",
                "FILE holds one request as a JSON object, or many as JSON Lines; the output is one verdict per "
                        + "request, in order (with --format json: one JSON object per line).",
                "Exit 0 all passed, 1 a verdict was MARGINAL or FAIL, 2 a request was bad (its line gets "
                        + "{\"error\":...}; the others are still judged)."})
final class JudgeCommand extends Subcommand implements Callable<Integer> {

    /** The judges a user can pick. */
    enum JudgeName { AIDEVOPS, KAYENTA }

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The requests; - for stdin.")
    String input;

    @Option(names = "--judge", defaultValue = "aidevops", paramLabel = "aidevops|kayenta",
            description = "Which judge: the suite's (default) or a Kayenta-equivalent one, for comparison.")
    JudgeName judgeName;

    @picocli.CommandLine.Mixin
    FormatOption format;

    @Override
    public Integer call() throws IOException {
        String text = read();
        CanaryJudge judge = judgeName == JudgeName.KAYENTA ? new KayentaJudge() : new AdaptiveJudge();
        PrintWriter out = context().out();
        ObjectMapper compact = Json.mapper();
        boolean bad = false;
        boolean declined = false;
        for (JudgeInput.Entry entry : JudgeInput.read(text)) {
            if (entry.error() != null) {
                bad = true;
                if (format.json()) {
                    out.println(write(compact, java.util.Map.of("error", entry.error())));
                } else {
                    out.println("error: " + entry.error());
                }
                continue;
            }
            CanaryVerdict verdict;
            try {
                verdict = judge.judge(entry.request());
            } catch (IllegalArgumentException e) {
                bad = true;
                String error = "line " + entry.line() + ": " + e.getMessage();
                out.println(format.json() ? write(compact, java.util.Map.of("error", error)) : "error: " + error);
                continue;
            }
            declined |= verdict.verdict() != Verdict.PASS;
            if (format.json()) {
                out.println(write(compact, VerdictView.of(verdict)));
            } else {
                print(out, entry.line(), verdict);
            }
        }
        out.flush();
        return bad ? ExitCodes.USAGE : declined ? ExitCodes.DECLINED : ExitCodes.OK;
    }

    private String read() throws IOException {
        if ("-".equals(input)) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path path = context().workingDirectory().resolve(input);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("--input " + input + ": no such file", ExitCodes.USAGE);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserException("--input " + input + ": not UTF-8 text", ExitCodes.USAGE);
        }
    }

    private static void print(PrintWriter out, int line, CanaryVerdict verdict) {
        out.printf(Locale.ROOT, "Request at line %d: %s, score %.2f (%s judge)%n", line, verdict.verdict(),
                verdict.score(), verdict.judge());
        out.printf(Locale.ROOT, "  %s%n", verdict.reason());
        out.printf(Locale.ROOT, "  %-18s %-7s %6s %10s %6s %10s  %s%n", "METRIC", "RESULT", "N(B)", "MEDIAN(B)",
                "N(C)", "MEDIAN(C)", "REASON");
        for (MetricResult m : verdict.metrics()) {
            out.printf(Locale.ROOT, "  %-18s %-7s %6d %10.4g %6d %10.4g  %s%n", m.name()
                    + (m.spec().muted() ? " (muted)" : m.spec().critical() ? " (critical)" : ""),
                    m.classification(), m.baseline().count(), m.baseline().median(), m.canary().count(),
                    m.canary().median(), m.reason());
        }
        verdict.warnings().forEach(w -> out.println("  note: " + w));
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict as JSON", e);
        }
    }
}
