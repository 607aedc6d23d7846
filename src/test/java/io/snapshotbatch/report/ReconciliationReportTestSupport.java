package io.snapshotbatch.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.SnapshotRun;

/** Shared by the ReconciliationReport tests: a ledger with a row of every outcome, and the report read back. */
abstract class ReconciliationReportTestSupport {

    /** The contract's header, in its order. */
    static final List<String> HEADER = List.of("line", "catalog", "engagement_id", "resource_type",
            "resource_id", "template", "client_token", "outcome", "snapshot_arn", "revision", "error_code",
            "error_message", "attempts", "updated_at");

    static final LocalDate RUN_DATE = LocalDate.of(2025, 3, 14);

    static final Instant STARTED = Instant.parse("2025-03-14T01:00:00Z");

    static final Instant UPDATED = Instant.parse("2025-03-14T01:02:03Z");

    static final String ENG = "eng-aaaaaaaaaaaaa1";

    static final String NASTY_MESSAGE = "Field \"Catalog\", value 'x', is invalid,\r\nsee docs; second line\nthird";

    static LedgerDatabase db;

    ReconciliationReport report;

    SnapshotRun run;

    @TempDir
    Path reportDir;

    @BeforeAll
    static void migrate() {
        db = LedgerDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void ledgerWithEveryOutcome() {
        db.reset();
        this.report = new ReconciliationReport(db.ledger());
        this.run = db.runs().create(RUN_DATE, 0, "csv:/data/=pairs.csv", STARTED);
        SnapshotKey created = key("O1");
        SnapshotKey failed = key("O2");
        SnapshotKey pending = key("O3");
        db.ledger().insert(List.of(
                staged(2, created, Outcome.PENDING, null, null, null),
                staged(3, failed, Outcome.PENDING, null, null, null),
                staged(5, new SnapshotKey("Sandbox", "=HYPERLINK(\"x\")", "Opportunity", "O4", "View"),
                        Outcome.REJECTED, null, "INVALID_ENGAGEMENT_ID", "-engagement id must match, got '=HYPERLINK'"),
                staged(6, created, Outcome.DUPLICATE, 2, null, "duplicate of line 2"),
                staged(7, pending, Outcome.PENDING, null, null, null)));
        db.runs().markStaged(this.run.runId(), 5);
        record(2, "CREATED", "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/1", 1, null, null, 3, 2);
        record(3, "FAILED", null, null, "ValidationException", NASTY_MESSAGE, 1, 0);
        this.run = db.runs().find(this.run.runId()).orElseThrow();
    }

    void record(int line, String outcome, String arn, Integer revision, String errorCode, String errorMessage,
            int attempts, int throttled) {
        db.jdbc().sql(LedgerRepository.RECORD_RESULT_SQL)
            .param("outcome", outcome)
            .param("snapshotArn", arn)
            .param("revision", revision)
            .param("errorCode", errorCode)
            .param("errorMessage", errorMessage)
            .param("attempts", attempts)
            .param("throttledCalls", throttled)
            .param("updatedAt", UPDATED.atOffset(ZoneOffset.UTC))
            .param("runId", this.run.runId())
            .param("line", line)
            .update();
    }

    LedgerRow staged(int line, SnapshotKey key, Outcome outcome, Integer duplicateOf, String errorCode,
            String errorMessage) {
        String token = (outcome == Outcome.REJECTED) ? null : ClientTokens.derive(RUN_DATE, 0, key, 0);
        return LedgerRow.staged(this.run.runId(), line, key, token, outcome, duplicateOf, errorCode, errorMessage,
                UPDATED);
    }

    static SnapshotKey key(String opportunity) {
        return new SnapshotKey("Sandbox", ENG, "Opportunity", opportunity, "OpportunitySummaryView");
    }

    List<CSVRecord> reconciliation() throws IOException {
        return parse(this.reportDir.resolve("2025-03-14/reconciliation.csv"));
    }

    Map<String, String> summary() throws IOException {
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-14/summary.csv"));
        Map<String, String> summary = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        return summary;
    }

    /** Records by their {@code line}, each as column name to value, read with the contract's header. */
    static Map<String, Map<String, String>> byLine(List<CSVRecord> records) {
        Map<String, Map<String, String>> byLine = new LinkedHashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                row.put(HEADER.get(i), record.get(i));
            }
            byLine.put(record.get(0), row);
        }
        return byLine;
    }

    static List<CSVRecord> parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

}
