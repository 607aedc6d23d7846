package io.snapshotbatch.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html as a file: self-contained, escaped, bounded, written like any other file (the umask decides). */
class HtmlReportTests extends HtmlReportTestSupport {

    @Test
    void thePageLoadsNothingFromAnywhere() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!data:)")
            .doesNotContainPattern("(?i)url\\(")
            .doesNotContainPattern("(?i)@import")
            .doesNotContainPattern("(?i)<script")
            .doesNotContainPattern("(?i)https?://");
    }

    @Test
    void userDataIsEscaped() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then: the REJECTED row is listed, as text
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(SCRIPT_ENGAGEMENT);
    }

    @Test
    void rowsThatNeedAttentionAreListedUpToTheLimitWithTheirTotal() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        String attention = section(page, "attention");
        assertThat(count(attention, "<tr><td class=\"num\">")).isEqualTo(HtmlReport.ATTENTION_LIMIT);
        assertThat(attention).contains(HtmlReport.ATTENTION_LIMIT + " shown of " + attentionRows())
            .contains("reconciliation.csv has every row")
            .doesNotContain(">CREATED<");
    }

    @Test
    void chartsShowRowsByOutcomeAndByErrorCodeAndTheLastThirtyRuns() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        assertThat(section(page, "by-outcome")).contains("<title>CREATED: " + CREATED + " (")
            .contains("<title>FAILED: " + (NOT_FOUND + ACCESS_DENIED) + " (")
            .contains("<title>PENDING: " + PENDING + " (");
        assertThat(section(page, "by-error-code")).contains("<title>ResourceNotFoundException: " + NOT_FOUND + " (")
            .contains("<title>AccessDeniedException: " + ACCESS_DENIED + " (")
            .contains("<title>INVALID_ENGAGEMENT_ID: 1 (");
        String trend = section(page, "trend");
        assertThat(trend).contains("Last 30 runs");
        assertThat(count(trend, "<g class=\"run\">")).isEqualTo(30);
        // oldest shown is 29 nights ago; tonight's column is the last and is outlined
        assertThat(trend).contains("<title>" + RUN_DATE.minusDays(29) + " generation 0").doesNotContain(RUN_DATE.minusDays(30).toString());
        assertThat(trend).contains("<title>" + RUN_DATE + " generation 0, STOPPED: " + (CREATED + attentionRows()) + " rows");
        assertThat(count(trend, "stroke=\"#1565c0\"")).isEqualTo(1);
        assertThat(page).contains("the daily budget of 400 calls is spent");
    }

    @Test
    void theFileIsReplacedWholeAndGetsTheUsualPermissions() throws Exception {
        // given: a file created the ordinary way in the same directory gets what the umask allows
        Path first = write();
        Path ordinary = Files.createFile(first.resolveSibling("ordinary.txt"));

        // when
        Path second = write();

        // then
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second)))
            .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
        try (var files = Files.list(second.getParent())) {
            assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "ordinary.txt");
        }
    }

    @Test
    void theTrendReadsEarlierRunsAsTheirLastReportCountedThem() throws Exception {
        // given: a ledger of its own with two nights; the first night's report was written, then its rows changed
        LedgerDatabase own = LedgerDatabase.create();
        try {
            HtmlReport report = new HtmlReport(own.ledger(), own.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
            SnapshotRun first = own.runs().create(RUN_DATE.minusDays(1), 0, "csv:a.csv", NOW);
            own.ledger().insert(List.of(LedgerRow.staged(first.runId(), 2, key(1), "t1", Outcome.FAILED, null, "X", "x", NOW),
                    LedgerRow.staged(first.runId(), 3, key(2), "t2", Outcome.FAILED, null, "X", "x", NOW)));
            Path directory = Files.createDirectories(this.reportDir.resolve("own"));
            report.write(first, RunStatus.COMPLETED, own.ledger().counts(first.runId()), directory);
            own.jdbc().sql("update snapshot_row set outcome = 'CREATED' where run_id = :id").param("id", first.runId()).update();
            SnapshotRun second = own.runs().create(RUN_DATE, 0, "csv:b.csv", NOW);
            own.ledger().insert(List.of(LedgerRow.staged(second.runId(), 2, key(1), "t3", Outcome.PENDING, null, null, null, NOW)));

            // when
            String page = Files.readString(report.write(second, RunStatus.STOPPED, own.ledger().counts(second.runId()),
                    directory), StandardCharsets.UTF_8);

            // then: the first night as its report counted it, without counting its rows again
            assertThat(section(page, "trend")).contains("<title>" + RUN_DATE.minusDays(1) + " generation 0, RUNNING: 2 rows, FAILED 2")
                .contains("<title>" + RUN_DATE + " generation 0, RUNNING: 1 rows, PENDING 1");
        }
        finally {
            own.close();
        }
    }

    static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

}
