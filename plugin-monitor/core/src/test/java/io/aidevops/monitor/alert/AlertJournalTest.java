package io.aidevops.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertJournalTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private static Alert crashLoop(String workload, Instant at) {
        return Alert.of(AlertKind.CRASH_LOOP, Severity.CRITICAL, "shop", workload, "CrashLoopBackOff",
                "shop/" + workload + ": crash loop", "restarts", at,
                Evidence.ofObservations(List.of("container web: CrashLoopBackOff, 5 restarts")));
    }

    private static Alert leak(Instant at) {
        return Alert.of(AlertKind.LIMIT_FORECAST, Severity.CRITICAL, "shop", "cart", "memory", "leak", "climbing", at,
                new Evidence("shop/cart memory", null, List.of(1.5e8f, 1.6e8f), "why", List.of(),
                        new Forecast("memory limit 256 MiB reached in ~2 min (93 s to 3 min)", at.plusSeconds(120)),
                        List.of()));
    }

    @Test
    void aRestartedJournalKnowsWhatIsOpenWithEvidenceIntact() throws Exception {
        var journal = AlertJournal.open(dir);
        journal.raise(crashLoop("web", AT));
        journal.raise(leak(AT.plusSeconds(5)));
        journal.resolve(crashLoop("web", AT), AT.plusSeconds(60));

        var reopened = AlertJournal.open(dir);

        assertThat(reopened.raisedAlerts()).singleElement().isEqualTo(leak(AT.plusSeconds(5)));
        assertThat(reopened.all()).extracting(e -> e.alert().kind()).containsExactly(AlertKind.LIMIT_FORECAST,
                AlertKind.CRASH_LOOP);
        assertThat(reopened.all().get(1).resolvedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(reopened.unreadableLines()).isEmpty();
    }

    @Test
    void aTornOrEditedLineIsSkippedWithItsLineNumberAndNothingElseIsLost() throws Exception {
        var journal = AlertJournal.open(dir);
        journal.raise(crashLoop("web", AT));
        Files.writeString(journal.file(), "{\"change\":\"RAISED\",\"at\":\"2026-11\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        long size = Files.size(journal.file());
        AlertJournal.open(dir).raise(crashLoop("api", AT.plusSeconds(1)));

        var reopened = AlertJournal.open(dir);

        assertThat(reopened.unreadableLines()).singleElement().asString().contains(
                "alerts.jsonl:2: skipped an unreadable alert line: Unexpected end-of-input");
        assertThat(reopened.raisedAlerts()).extracting(Alert::workload).containsExactlyInAnyOrder("web", "api");
        assertThat(Files.size(journal.file())).as("appended to, never truncated").isGreaterThan(size);
    }

    @Test
    void aWriteTornInsideACharacterCostsOnlyItsOwnLine() throws Exception {
        var journal = AlertJournal.open(dir);
        journal.raise(crashLoop("web", AT));
        // A line cut off inside a two-byte UTF-8 character, with no newline after it.
        Files.write(journal.file(), new byte[] {'{', '"', 'a', (byte) 0xC3}, StandardOpenOption.APPEND);

        var reopened = AlertJournal.open(dir);
        reopened.raise(crashLoop("api", AT.plusSeconds(1)));
        var again = AlertJournal.open(dir);

        assertThat(again.raisedAlerts()).extracting(Alert::workload).containsExactlyInAnyOrder("web", "api");
        assertThat(again.unreadableLines()).singleElement().asString().contains("alerts.jsonl:2:");
    }

    @Test
    void aLineWhoseFingerprintDoesNotMatchItsAlertIsRefused() throws Exception {
        var journal = AlertJournal.open(dir);
        journal.raise(crashLoop("web", AT));
        String line = Files.readAllLines(journal.file()).get(0);
        Files.writeString(journal.file(), line.replace("\"workload\":\"web\"", "\"workload\":\"other\"") + "\n");

        var reopened = AlertJournal.open(dir);

        assertThat(reopened.raisedAlerts()).isEmpty();
        assertThat(reopened.unreadableLines()).singleElement().asString().contains("alerts.jsonl:1:",
                "is not the one of crash-loop shop/other CrashLoopBackOff");
    }

    @Test
    void listenersHearEveryChangeAndAResolveByFingerprintNeedsAnOpenAlert() throws Exception {
        var journal = AlertJournal.open(dir);
        List<String> heard = new ArrayList<>();
        journal.onChange(line -> heard.add(line.change() + " " + line.alert().workload()));
        Alert web = crashLoop("web", AT);

        journal.raise(web);
        assertThat(journal.resolve(web.fingerprint(), AT.plusSeconds(9))).isTrue();
        assertThat(journal.resolve(web.fingerprint(), AT.plusSeconds(10))).isFalse();
        assertThat(journal.resolve("0123456789abcdef", AT)).isFalse();

        assertThat(heard).containsExactly("RAISED web", "RESOLVED web");
    }

    @Test
    void aLongJournalIsCompactedToTheOpenAndTheLatestResolvedAlerts() throws Exception {
        var journal = AlertJournal.open(dir);
        Alert open = crashLoop("always-broken", AT);
        journal.raise(open);
        for (int i = 0; i < AlertJournal.COMPACT_AFTER; i++) {
            Alert flapping = crashLoop("flapping-" + (i % 1_500), AT.plusSeconds(i));
            journal.raise(flapping);
            journal.resolve(flapping, AT.plusSeconds(i).plusMillis(500));
        }

        var reopened = AlertJournal.open(dir);

        assertThat(Files.readAllLines(journal.file()).size()).isLessThan(AlertJournal.COMPACT_AFTER);
        assertThat(reopened.raisedAlerts()).containsExactly(open);
        assertThat(reopened.all().stream().filter(e -> !e.open()).map(e -> e.alert().workload()))
                .contains("flapping-" + ((AlertJournal.COMPACT_AFTER - 1) % 1_500));
    }
}
