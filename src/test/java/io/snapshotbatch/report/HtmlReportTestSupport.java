package io.snapshotbatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * A ledger for report.html: 35 earlier nights (the trend shows the last 30), and tonight's run with rows
 * of every outcome, more rows needing attention than the page lists, several error codes, and a
 * REJECTED row whose engagement id is an HTML injection attempt.
 */
abstract class HtmlReportTestSupport {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 1);

    static final Instant NOW = Instant.parse("2026-12-01T03:04:05Z");

    static final String SCRIPT_ENGAGEMENT = "<script>alert('x')</script>";

    static final int CREATED = 120;

    static final int NOT_FOUND = 230;

    static final int ACCESS_DENIED = 7;

    static final int PENDING = 5;

    static LedgerDatabase db;

    static SnapshotRun run;

    HtmlReport html;

    @TempDir
    Path reportDir;

    @BeforeAll
    static void migrateAndFill() {
        db = LedgerDatabase.create();
        fill();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void htmlReport() {
        this.html = new HtmlReport(db.ledger(), db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The ledger is only read by the tests: it is filled once per class. */
    private static void fill() {
        for (int night = 35; night >= 1; night--) {
            SnapshotRun earlier = db.runs().create(RUN_DATE.minusDays(night), 0, "csv:nightly.csv", NOW);
            int rows = 40 + (night % 7) * 10;
            List<LedgerRow> staged = new ArrayList<>();
            for (int line = 2; line < rows + 2; line++) {
                staged.add(row(earlier, line, (line % 9 == 0) ? Outcome.FAILED : Outcome.CREATED,
                        (line % 9 == 0) ? "ThrottlingException" : null));
            }
            db.ledger().insert(staged);
            db.runs().markEnded(earlier.runId(), RunStatus.COMPLETED, null, NOW);
        }
        run = db.runs().create(RUN_DATE, 0, "csv:/data/pairs.csv", NOW);
        List<LedgerRow> rows = new ArrayList<>();
        int line = 2;
        rows.add(LedgerRow.staged(run.runId(), line++,
                new SnapshotKey("Sandbox", SCRIPT_ENGAGEMENT, "Opportunity", "O42", "OpportunitySummaryView"), null,
                Outcome.REJECTED, null, "INVALID_ENGAGEMENT_ID", "engagement id must match eng-[0-9a-z]{14}", NOW));
        for (int i = 0; i < CREATED; i++) {
            rows.add(row(run, line++, Outcome.CREATED, null));
        }
        rows.add(LedgerRow.staged(run.runId(), line++, key(3), null, Outcome.DUPLICATE, 3, null, "duplicate of line 3", NOW));
        for (int i = 0; i < ACCESS_DENIED; i++) {
            rows.add(row(run, line++, Outcome.FAILED, "AccessDeniedException"));
        }
        for (int i = 0; i < NOT_FOUND; i++) {
            rows.add(row(run, line++, Outcome.FAILED, "ResourceNotFoundException"));
        }
        for (int i = 0; i < PENDING; i++) {
            rows.add(row(run, line++, Outcome.PENDING, null));
        }
        db.ledger().insert(rows);
        run = db.runs().markEnded(run.runId(), RunStatus.STOPPED, "the daily budget of 400 calls is spent", NOW);
    }

    /** Writes report.html of tonight's run the way a run's end does, and returns it. */
    Path write() throws IOException {
        Path directory = Files.createDirectories(ReconciliationReport.directory(this.reportDir, RUN_DATE));
        return this.html.write(run, RunStatus.STOPPED, db.ledger().counts(run.runId()), directory);
    }

    static int attentionRows() {
        return NOT_FOUND + ACCESS_DENIED + 1 + 1 + PENDING;
    }

    private static LedgerRow row(SnapshotRun run, int line, Outcome outcome, String errorCode) {
        SnapshotKey key = key(line);
        return new LedgerRow(run.runId(), line, key.catalog(), key.engagementId(), key.resourceType(), key.resourceId(),
                key.template(), ClientTokens.derive(run.runDate(), 0, key, 0), 0, outcome, null,
                (outcome == Outcome.CREATED) ? "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/" + line : null,
                (outcome == Outcome.CREATED) ? 1 : null, errorCode,
                (errorCode != null) ? errorCode + " for line " + line : null, (outcome == Outcome.PENDING) ? 0 : 1, 0, null,
                null, NOW);
    }

    static SnapshotKey key(int n) {
        return new SnapshotKey("Sandbox", "eng-%014d".formatted(n), "Opportunity", "O" + (1000 + n), "OpportunitySummaryView");
    }

}
