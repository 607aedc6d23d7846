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
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconciliationReportTests {

    /** The contract's header, in its order. */
    private static final List<String> HEADER = List.of("line", "catalog", "engagement_id", "resource_type",
            "resource_id", "template", "client_token", "outcome", "snapshot_arn", "revision", "error_code",
            "error_message", "attempts", "updated_at");

    private static final List<String> CONTRACT_METRICS = List.of("run_date", "status", "input_rows", "created",
            "failed", "rejected", "duplicates", "pending", "api_calls", "throttled_calls", "started_at", "finished_at");

    private static final LocalDate RUN_DATE = LocalDate.of(2025, 3, 14);

    private static final Instant STARTED = Instant.parse("2025-03-14T01:00:00Z");

    private static final Instant UPDATED = Instant.parse("2025-03-14T01:02:03Z");

    private static final String ENG = "eng-aaaaaaaaaaaaa1";

    private static final String NASTY_MESSAGE = "Field \"Catalog\", value 'x', is invalid,\r\nsee docs; second line\nthird";

    private static LedgerDatabase db;

    private ReconciliationReport report;

    private SnapshotRun run;

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

    @Test
    void reconciliationHasTheContractHeaderAndOneRecordPerLedgerRow() throws IOException {
        // when
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        assertThat(directory).isEqualTo(this.reportDir.resolve("2025-03-14"));
        Path file = directory.resolve("reconciliation.csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(String.join(",", HEADER) + "\r\n");
        List<CSVRecord> records = parse(file);
        assertThat(records.get(0).values()).containsExactlyElementsOf(HEADER);
        assertThat(records).hasSize(1 + 5);
        assertThat(records.subList(1, records.size())).extracting((r) -> r.get(0)).containsExactly("2", "3", "5", "6", "7");
        assertThat(records).allSatisfy((r) -> assertThat(r.size()).isEqualTo(HEADER.size()));
    }

    @Test
    void eachRecordShowsItsRowsOutcome() throws IOException {
        // when
        this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        Map<String, Map<String, String>> byLine = byLine(reconciliation());
        Map<String, String> created = byLine.get("2");
        assertThat(created).containsEntry("catalog", "Sandbox")
            .containsEntry("engagement_id", ENG)
            .containsEntry("resource_type", "Opportunity")
            .containsEntry("resource_id", "O1")
            .containsEntry("template", "OpportunitySummaryView")
            .containsEntry("client_token", ClientTokens.derive(RUN_DATE, 0, key("O1"), 0))
            .containsEntry("outcome", "CREATED")
            .containsEntry("snapshot_arn", "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/1")
            .containsEntry("revision", "1")
            .containsEntry("error_code", "")
            .containsEntry("error_message", "")
            .containsEntry("attempts", "3")
            .containsEntry("updated_at", "2025-03-14T01:02:03Z");
        assertThat(byLine.get("3")).containsEntry("outcome", "FAILED")
            .containsEntry("error_code", "ValidationException")
            .containsEntry("snapshot_arn", "")
            .containsEntry("revision", "");
        assertThat(byLine.get("5")).containsEntry("outcome", "REJECTED")
            .containsEntry("client_token", "")
            .containsEntry("error_code", "INVALID_ENGAGEMENT_ID");
        assertThat(byLine.get("6")).containsEntry("outcome", "DUPLICATE").containsEntry("error_message", "duplicate of line 2");
        assertThat(byLine.get("7")).containsEntry("outcome", "PENDING").containsEntry("attempts", "0");
    }

    @Test
    void quotesCommasAndNewlinesInMessagesSurviveARoundTrip() throws IOException {
        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(byLine(reconciliation()).get("3")).containsEntry("error_message", NASTY_MESSAGE);
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralised() throws IOException {
        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        Map<String, String> rejected = byLine(reconciliation()).get("5");
        assertThat(rejected).containsEntry("engagement_id", "'=HYPERLINK(\"x\")")
            .containsEntry("error_message", "'-engagement id must match, got '=HYPERLINK'");
        for (CSVRecord record : reconciliation()) {
            for (String value : record) {
                assertThat(value).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void summaryHasEveryContractMetricAndBalances() throws IOException {
        // when
        this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-14/summary.csv"));
        assertThat(records.get(0).values()).containsExactly("metric", "value");
        Map<String, String> summary = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        assertThat(summary.keySet()).containsAll(CONTRACT_METRICS);
        assertThat(summary).containsEntry("run_date", "2025-03-14")
            .containsEntry("status", "STOPPED")
            .containsEntry("input_rows", "5")
            .containsEntry("created", "1")
            .containsEntry("failed", "1")
            .containsEntry("rejected", "1")
            .containsEntry("duplicates", "1")
            .containsEntry("pending", "1")
            .containsEntry("api_calls", "4")
            .containsEntry("throttled_calls", "2")
            .containsEntry("started_at", "2025-03-14T01:00:00Z");
        long sum = Stream.of("created", "failed", "rejected", "duplicates", "pending")
            .mapToLong((metric) -> Long.parseLong(summary.get(metric)))
            .sum();
        assertThat(Long.parseLong(summary.get("input_rows"))).isEqualTo(sum);
        assertThat(summary).containsEntry("source", "csv:/data/=pairs.csv");
    }

    @Test
    void summaryValuesAreSpreadsheetSafeToo() throws IOException {
        // given a run that stopped for a reason starting with a formula character
        db.runs().markEnded(this.run.runId(), RunStatus.STOPPED, "-daily budget of 5 calls spent", UPDATED);
        SnapshotRun stopped = db.runs().find(this.run.runId()).orElseThrow();

        // when
        this.report.write(stopped, RunStatus.STOPPED, this.reportDir);

        // then
        assertThat(summary()).containsEntry("stop_reason", "'-daily budget of 5 calls spent");
    }

    @Test
    void finishedAtIsEmptyWhileRunningAndSetWhenEnded() throws IOException {
        // given a running run
        this.report.write(this.run, RunStatus.RUNNING, this.reportDir);
        assertThat(summary()).containsEntry("finished_at", "").containsEntry("status", "RUNNING");

        // when it ends
        Instant finished = Instant.parse("2025-03-14T02:00:00Z");
        db.runs().markEnded(this.run.runId(), RunStatus.COMPLETED, null, finished);
        SnapshotRun ended = db.runs().find(this.run.runId()).orElseThrow();
        this.report.write(ended, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(summary()).containsEntry("finished_at", "2025-03-14T02:00:00Z").containsEntry("status", "COMPLETED");
    }

    @Test
    void anEmptyRunHasAHeaderOnlyReportAndZeroTotals() throws IOException {
        // given
        SnapshotRun empty = db.runs().create(RUN_DATE.plusDays(1), 0, "csv:empty.csv", STARTED);

        // when
        this.report.write(empty, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(parse(this.reportDir.resolve("2025-03-15/reconciliation.csv"))).hasSize(1);
        Map<String, String> summary = new LinkedHashMap<>();
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-15/summary.csv"));
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        assertThat(summary).containsEntry("input_rows", "0").containsEntry("created", "0").containsEntry("pending", "0");
    }

    @Test
    void aRewriteReplacesBothFilesAndLeavesNoTemporaryFile() throws IOException {
        // given a first report, then the pending row is created
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);
        record(7, "CREATED", "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/7", 1, null, null, 1, 0);

        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(byLine(reconciliation()).get("7")).containsEntry("outcome", "CREATED");
        assertThat(parse(directory.resolve("reconciliation.csv"))).hasSize(6);
        assertThat(summary()).containsEntry("created", "2").containsEntry("pending", "0").containsEntry("status",
                "COMPLETED");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map((p) -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("reconciliation.csv", "summary.csv");
        }
    }

    @Test
    void aReportThatFailsHalfWayLeavesThePreviousOneWholeAndNoTemporaryFile() throws IOException {
        // given a complete report, and a ledger that breaks after the first row
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);
        String before = Files.readString(directory.resolve("reconciliation.csv"));
        LedgerRepository breaking = new LedgerRepository(db.jdbc(), new JdbcTemplate(db.dataSource())) {

            @Override
            public void forEachRow(long runId, Consumer<LedgerRow> consumer) {
                super.forEachRow(runId, (row) -> {
                    if (row.line() > 2) {
                        throw new IllegalStateException("database went away");
                    }
                    consumer.accept(row);
                });
            }

        };

        // when
        assertThatThrownBy(() -> new ReconciliationReport(breaking).write(this.run, RunStatus.COMPLETED, this.reportDir))
            .hasMessage("database went away");

        // then
        assertThat(Files.readString(directory.resolve("reconciliation.csv"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map((p) -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("reconciliation.csv", "summary.csv");
        }
    }

    private void record(int line, String outcome, String arn, Integer revision, String errorCode, String errorMessage,
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

    private LedgerRow staged(int line, SnapshotKey key, Outcome outcome, Integer duplicateOf, String errorCode,
            String errorMessage) {
        String token = (outcome == Outcome.REJECTED) ? null : ClientTokens.derive(RUN_DATE, 0, key, 0);
        return LedgerRow.staged(this.run.runId(), line, key, token, outcome, duplicateOf, errorCode, errorMessage,
                UPDATED);
    }

    private static SnapshotKey key(String opportunity) {
        return new SnapshotKey("Sandbox", ENG, "Opportunity", opportunity, "OpportunitySummaryView");
    }

    private List<CSVRecord> reconciliation() throws IOException {
        return parse(this.reportDir.resolve("2025-03-14/reconciliation.csv"));
    }

    private Map<String, String> summary() throws IOException {
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-14/summary.csv"));
        Map<String, String> summary = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        return summary;
    }

    /** Records by their {@code line}, each as column name to value, read with the contract's header. */
    private static Map<String, Map<String, String>> byLine(List<CSVRecord> records) {
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

    private static List<CSVRecord> parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

}
