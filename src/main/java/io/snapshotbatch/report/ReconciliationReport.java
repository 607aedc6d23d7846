package io.snapshotbatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * Writes a run's report from the ledger. Each file is written next to its final name and moved into
 * place, so a reader (or a kill in the middle) never sees half a report.
 */
public class ReconciliationReport {

    public static final String[] COLUMNS = { "line", "catalog", "engagement_id", "resource_type", "resource_id",
            "template", "client_token", "outcome", "snapshot_arn", "revision", "error_code", "error_message",
            "attempts", "updated_at" };

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final LedgerRepository ledger;

    public ReconciliationReport(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Where the report of a run date goes. */
    public static Path directory(Path reportDir, LocalDate runDate) {
        return reportDir.resolve(runDate.toString());
    }

    /**
     * Writes both files.
     * @param status the run's status as it should read in the summary (the job may still be finishing)
     */
    public Path write(SnapshotRun run, RunStatus status, Path reportDir) {
        Path directory = directory(reportDir, run.runDate());
        try {
            Files.createDirectories(directory);
            replace(directory.resolve("reconciliation.csv"), (printer) -> {
                printer.printRecord((Object[]) COLUMNS);
                this.ledger.forEachRow(run.runId(), (row) -> print(printer, row));
            });
            OutcomeCounts counts = this.ledger.counts(run.runId());
            replace(directory.resolve("summary.csv"), (printer) -> {
                printer.printRecord("metric", "value");
                for (List<Object> metric : summary(run, status, counts)) {
                    printer.printRecord(SpreadsheetSafe.cell(metric.get(0)), SpreadsheetSafe.cell(metric.get(1)));
                }
            });
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the report in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    static List<List<Object>> summary(SnapshotRun run, RunStatus status, OutcomeCounts counts) {
        List<List<Object>> metrics = new ArrayList<>();
        metrics.add(List.of("run_date", run.runDate()));
        metrics.add(List.of("status", status));
        metrics.add(List.of("input_rows", counts.inputRows()));
        metrics.add(List.of("created", counts.created()));
        metrics.add(List.of("failed", counts.failed()));
        metrics.add(List.of("rejected", counts.rejected()));
        metrics.add(List.of("duplicates", counts.duplicates()));
        metrics.add(List.of("pending", counts.pending()));
        metrics.add(List.of("api_calls", counts.apiCalls()));
        metrics.add(List.of("throttled_calls", counts.throttledCalls()));
        metrics.add(List.of("started_at", (run.startedAt() != null) ? run.startedAt() : ""));
        metrics.add(List.of("finished_at", (status == RunStatus.RUNNING || run.finishedAt() == null) ? ""
                : run.finishedAt()));
        metrics.add(List.of("generation", run.generation()));
        metrics.add(List.of("source", run.source()));
        metrics.add(List.of("stop_reason", (run.stopReason() != null) ? run.stopReason() : ""));
        metrics.add(List.of("input_encoding", (run.inputEncoding() != null) ? run.inputEncoding() : ""));
        return metrics;
    }

    private static void print(CSVPrinter printer, LedgerRow row) {
        try {
            printer.printRecord(row.line(), cell(row.catalog()), cell(row.engagementId()), cell(row.resourceType()),
                    cell(row.resourceId()), cell(row.template()), cell(row.clientToken()), row.outcome(),
                    cell(row.snapshotArn()), cell(row.revision()), cell(row.errorCode()), cell(row.errorMessage()),
                    row.attempts(), cell(row.updatedAt()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String cell(Object value) {
        return SpreadsheetSafe.cell(value);
    }

    private interface Body {

        void print(CSVPrinter printer) throws IOException;

    }

    private static void replace(Path target, Body body) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                body.print(printer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

}
